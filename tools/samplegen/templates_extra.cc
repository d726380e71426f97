// More wordings per class for large training and evaluation corpora
// (--split train|eval). Kept apart from templates_fr.cc/templates_en.cc so
// that the repository's samples/ (no split) are still generated exactly.
#include "samplegen/letter.h"

namespace facteur::samplegen {
namespace {

void Add(std::vector<std::string>& to, std::initializer_list<const char*> items) {
  for (const char* s : items) to.push_back(s);
}

void French(const std::string& c, ClassWordings& w) {
  if (c == "termination") {
    Add(w.subjects, {"Objet : Fin de contrat", "Objet : Demande de clôture de compte", "Objet : Non-renouvellement du contrat {contract_id}"});
    Add(w.openings, {"Je vous prie de prendre acte de ma volonté de mettre un terme à mon contrat {contract_id} à l'échéance du {effective_date}.",
                     "Je souhaite clôturer mon compte et ne pas renouveler le contrat {contract_id}, qui arrive à échéance le {effective_date}.",
                     "Ayant trouvé une offre plus adaptée, je vous notifie la résiliation de mon abonnement {contract_id}."});
    Add(w.middles, {"Merci de ne plus effectuer de prélèvement à partir de cette date et de m'adresser une attestation de résiliation."});
  } else if (c == "complaint") {
    Add(w.subjects, {"Objet : Réclamation — service non conforme", "Objet : Plainte concernant votre service client"});
    Add(w.openings, {"Je suis profondément insatisfait(e) de la prestation fournie le {incident_date} et je souhaite déposer une réclamation.",
                     "Malgré mes relances, le problème signalé le {incident_date} n'est toujours pas résolu, ce qui est inadmissible.",
                     "Je conteste formellement le montant de {amount} qui m'a été facturé à tort le {incident_date}."});
    Add(w.middles, {"Je n'ai reçu aucune réponse à mes courriels ni à mes appels, et je juge ce manque de suivi inacceptable."});
  } else if (c == "information_request") {
    Add(w.subjects, {"Objet : Demande de documentation", "Objet : Question sur mes garanties", "Objet : Renseignements sur vos tarifs"});
    Add(w.openings, {"Pourriez-vous m'indiquer les conditions de souscription de votre offre et les tarifs applicables ?",
                     "Je souhaiterais savoir si mon contrat n° {contract_id} couvre les dommages causés par la grêle.",
                     "Je vous remercie de bien vouloir me faire parvenir une brochure et une grille tarifaire de vos services."});
    Add(w.middles, {"Pourriez-vous aussi me préciser les démarches à suivre pour ajouter un bénéficiaire à mon contrat ?"});
  } else if (c == "claim") {
    Add(w.subjects, {"Objet : Sinistre — dégât des eaux", "Objet : Déclaration de vol"});
    Add(w.openings, {"Je vous signale un dégât des eaux survenu dans mon logement le {incident_date}, au titre du contrat n° {contract_id}.",
                     "Je suis au regret de vous déclarer le vol de mon véhicule, constaté le {incident_date}, assuré sous le contrat n° {contract_id}."});
    Add(w.middles, {"Je sollicite l'indemnisation de ce sinistre et reste à la disposition de l'expert pour toute visite."});
  } else if (c == "address_change") {
    Add(w.subjects, {"Objet : Nouvelle adresse postale"});
    Add(w.openings, {"J'ai déménagé le {effective_date} ; merci d'adresser désormais tous mes courriers au {new_address}."});
  } else if (c == "other") {
    Add(w.subjects, {"Objet : Félicitations", "Objet : Proposition de partenariat"});
    Add(w.openings, {"Je souhaitais vous féliciter pour l'ouverture de votre nouvelle agence, dont l'inauguration fut très réussie.",
                     "Notre entreprise de nettoyage souhaiterait vous présenter ses services et vous proposer un rendez-vous."});
    Add(w.middles, {"Nous serions heureux d'échanger avec vous lors d'une rencontre à votre convenance."});
  }
}

void English(const std::string& c, ClassWordings& w) {
  if (c == "termination") {
    Add(w.subjects, {"Re: Closing my account", "Re: Ending my contract {contract_id}", "Re: Notice not to renew"});
    Add(w.openings, {"Please close my account and end contract {contract_id} on {effective_date}; I do not wish to renew it.",
                     "I hereby give notice to end my membership {contract_id} at the end of the current term, on {effective_date}.",
                     "Having found a better offer elsewhere, I wish to cancel contract {contract_id} from {effective_date}."});
    Add(w.middles, {"Please cancel any further payments after that date and confirm that the account has been closed."});
  } else if (c == "complaint") {
    Add(w.subjects, {"Re: Unresolved problem with my account", "Re: Formal complaint about your engineer"});
    Add(w.openings, {"I am extremely unhappy with the way your engineer treated me during the visit on {incident_date}.",
                     "Despite repeated promises, the fault reported on {incident_date} has still not been fixed, which is unacceptable.",
                     "I dispute the charge of {amount} applied to my account on {incident_date} and I am not satisfied with your explanation."});
    Add(w.middles, {"Nobody has answered my emails or returned my calls, and I consider this lack of follow-up unacceptable."});
  } else if (c == "information_request") {
    Add(w.subjects, {"Re: Request for a brochure", "Re: Question about my cover", "Re: Information about your prices"});
    Add(w.openings, {"Could you tell me what the conditions are for joining your scheme and how much it would cost?",
                     "I would like to know whether my policy {contract_id} covers damage caused by storms.",
                     "Please send me information about your services, together with a brochure and a price list."});
    Add(w.middles, {"Could you also explain how I can add a named driver or a beneficiary to my policy?"});
  } else if (c == "claim") {
    Add(w.subjects, {"Re: Water damage claim", "Re: Theft claim, policy {contract_id}"});
    Add(w.openings, {"I am writing to report water damage to my home on {incident_date}, covered by policy {contract_id}.",
                     "I regret to report the theft of my car, discovered on {incident_date}; it is insured under policy {contract_id}."});
    Add(w.middles, {"I would like to claim compensation for this loss and can make the property available to your assessor."});
  } else if (c == "address_change") {
    Add(w.subjects, {"Re: My new postal address"});
    Add(w.openings, {"I moved on {effective_date}; please send all future correspondence to {new_address}."});
  } else if (c == "other") {
    Add(w.subjects, {"Re: Congratulations", "Re: Partnership proposal"});
    Add(w.openings, {"I wanted to congratulate you on the opening of your new branch; the launch event was a great success.",
                     "Our cleaning company would like to introduce its services and suggest a meeting at your convenience."});
    Add(w.middles, {"We would be glad to discuss this with you at a time that suits you."});
  }
}

}  // namespace

void AddExtraWordings(const std::string& letter_class, const std::string& language, ClassWordings& wordings) {
  (language == "fr" ? French : English)(letter_class, wordings);
}

}  // namespace facteur::samplegen
