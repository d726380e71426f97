// French wordings for each letter class. Placeholders are filled by
// ComposeLetter (letter.cc); keep the accents: OCR of é, è, à, ç is the point.
#include "samplegen/letter.h"

namespace facteur::samplegen {
namespace {

ClassWordings FrenchClass(const std::string& c) {
  if (c == "termination") {
    return {{"Objet : Résiliation du contrat n° {contract_id}",
             "Objet : Demande de résiliation de mon abonnement",
             "Objet : Résiliation — lettre recommandée avec accusé de réception"},
            {"Par la présente, je vous informe de ma décision de résilier le contrat n° {contract_id} "
             "souscrit auprès de vos services, avec effet au {effective_date}.",
             "Je soussigné(e) {sender_name}, titulaire du contrat n° {contract_id}, vous demande de bien "
             "vouloir procéder à la résiliation de celui-ci à compter du {effective_date}.",
             "Conformément aux conditions générales de mon contrat, je souhaite mettre fin à mon "
             "abonnement référencé {contract_id} à la date du {effective_date}."},
            {"Cette résiliation intervient dans le respect du délai de préavis prévu au contrat. Je vous "
             "remercie de bien vouloir cesser tout prélèvement sur mon compte après cette date.",
             "Je vous prie de m'adresser une confirmation écrite de cette résiliation ainsi que le "
             "décompte final des sommes restant éventuellement dues.",
             "En application de la loi Chatel, je vous rappelle que cette demande doit être traitée dans "
             "un délai raisonnable et sans frais supplémentaires.",
             "Le matériel mis à ma disposition vous sera restitué dans les quinze jours suivant la date "
             "d'effet, selon les modalités que vous voudrez bien m'indiquer."},
            {"Je reste à votre disposition pour tout renseignement complémentaire au {phone}.",
             "Dans l'attente de votre confirmation, je vous remercie par avance."},
            {"P.J. : copie de ma pièce d'identité", ""}};
  }
  if (c == "complaint") {
    return {{"Objet : Réclamation concernant le dossier {customer_id}",
             "Objet : Réclamation — facturation erronée", "Objet : Contestation et demande de remboursement"},
            {"Je me permets de vous écrire au sujet d'une anomalie constatée sur ma dernière facture du "
             "{incident_date}, d'un montant de {amount}, qui ne correspond pas à ma consommation.",
             "Je tiens à exprimer mon vif mécontentement quant au traitement de mon dossier, malgré mes "
             "nombreux appels à votre service client depuis le {incident_date}.",
             "Je vous adresse la présente réclamation car le service souscrit est interrompu depuis le "
             "{incident_date} sans qu'aucune solution ne m'ait été proposée."},
            {"J'ai contacté à plusieurs reprises votre service téléphonique, sans obtenir de réponse "
             "satisfaisante. Les délais annoncés n'ont jamais été respectés.",
             "Je vous demande donc de procéder au remboursement de la somme de {amount} indûment prélevée "
             "sur mon compte, dans les meilleurs délais.",
             "Cette situation me cause un préjudice important, tant sur le plan financier que dans mon "
             "organisation quotidienne, et je souhaite qu'elle soit régularisée rapidement."},
            {"À défaut de réponse sous trente jours, je me verrai contraint(e) de saisir le médiateur.",
             "Je compte sur votre diligence pour régler ce litige à l'amiable."},
            {"P.J. : copie de la facture contestée", ""}};
  }
  if (c == "address_change") {
    return {{"Objet : Changement d'adresse", "Objet : Modification de mes coordonnées postales",
             "Objet : Déménagement — nouvelle adresse"},
            {"Je vous informe de mon déménagement et vous prie de bien vouloir noter ma nouvelle adresse "
             "à compter du {effective_date} : {new_address}.",
             "Suite à mon changement de domicile, je vous demande de mettre à jour mes coordonnées dans "
             "votre fichier client. Ma nouvelle adresse est la suivante : {new_address}."},
            {"Mon ancienne adresse, {old_address}, ne doit plus être utilisée pour l'envoi de mes "
             "courriers, factures et relevés.",
             "Je vous remercie de bien vouloir transférer l'ensemble de mes contrats à cette nouvelle "
             "adresse, y compris le contrat n° {contract_id}.",
             "Mes coordonnées téléphoniques restent inchangées ; vous pouvez me joindre au {phone}."},
            {"Vous trouverez ci-joint un justificatif de domicile récent.",
             "Je vous saurais gré de me confirmer la prise en compte de ce changement."},
            {"P.J. : justificatif de domicile", ""}};
  }
  if (c == "bank_details") {
    return {{"Objet : Changement de coordonnées bancaires", "Objet : Nouveau RIB pour les prélèvements",
             "Objet : Modification du compte de prélèvement"},
            {"Je vous informe que j'ai changé d'établissement bancaire. Je vous prie de bien vouloir "
             "effectuer les prochains prélèvements sur mon nouveau compte :",
             "Suite à la clôture de mon ancien compte, je vous demande de modifier les coordonnées "
             "bancaires associées à mon contrat n° {contract_id}. Nouveau compte :"},
            {"Titulaire : {sender_name}\nIBAN : {iban}\nBIC : {bic}\nBanque : {bank_name}"},
            {"Ce changement devra prendre effet à partir de l'échéance du {effective_date}. Je joins à "
             "ce courrier un relevé d'identité bancaire ainsi qu'un mandat SEPA signé.",
             "Je vous remercie de ne plus utiliser mon ancien compte, qui sera clôturé prochainement."},
            {"P.J. : RIB, mandat de prélèvement SEPA"}};
  }
  if (c == "claim") {
    return {{"Objet : Déclaration de sinistre — contrat n° {contract_id}", "Objet : Déclaration de sinistre",
             "Objet : Déclaration de sinistre et demande d'expertise"},
            {"Je vous déclare par la présente un sinistre survenu le {incident_date}, couvert par le "
             "contrat n° {contract_id}.",
             "Assuré(e) sous le contrat n° {contract_id}, je vous informe qu'un sinistre s'est produit "
             "le {incident_date}."},
            {"Une fuite provenant de l'appartement situé à l'étage supérieur a endommagé le plafond et "
             "le parquet du salon. Le voisin concerné a été prévenu et un constat amiable a été rempli.",
             "Les dommages sont estimés à environ {amount}. Je tiens les factures et photographies à la "
             "disposition de votre expert.",
             "Mon véhicule, stationné devant mon domicile, a été heurté par un tiers qui a pris la fuite. "
             "Un dépôt de plainte a été effectué auprès du commissariat le jour même.",
             "Les dommages sont estimés à environ {amount}. Je tiens les factures et photographies à la "
             "disposition de votre expert."},
            {"Je vous remercie de bien vouloir m'indiquer la marche à suivre et les coordonnées de "
             "l'expert mandaté.",
             "Merci de m'adresser un accusé de réception de cette déclaration."},
            {"P.J. : constat amiable, photographies", ""}};
  }
  if (c == "order") {
    return {{"Objet : Bon de commande n° {order_number}", "Objet : Commande de fournitures"},
            {"Nous vous prions de bien vouloir nous livrer les articles suivants, aux conditions de "
             "votre dernier catalogue :",
             "Veuillez trouver ci-dessous notre commande, à livrer à l'adresse indiquée en en-tête :"},
            {"{items}"},
            {"Le règlement sera effectué par virement à trente jours à réception de facture.",
             "Merci de nous confirmer le délai de livraison par retour de courrier."},
            {""}};
  }
  if (c == "other") {  // ne relève d'aucune classe : remerciements, invitations, candidatures
    return {{"Objet : Remerciements", "Objet : Invitation à notre journée portes ouvertes",
             "Objet : Candidature spontanée", "Objet : Soirée caritative"},
            {"Je tenais à remercier toute votre équipe pour l'accueil chaleureux reçu lors de ma visite du "
             "{incident_date}.",
             "Nous avons le plaisir de vous inviter à notre journée portes ouvertes le {effective_date} dans nos "
             "nouveaux locaux.",
             "Je me permets de vous adresser ma candidature pour le poste paru sur votre site internet.",
             "Notre association organise un dîner caritatif le {effective_date} et serait heureuse de vous "
             "compter parmi ses invités."},
            {"Au programme : visite guidée, courte présentation et verre de l'amitié.",
             "Forte de dix ans d'expérience dans l'accueil du public, je serais ravie de vous rencontrer.",
             "Chacun s'est montré aimable et disponible, et ce fut un réel plaisir de découvrir votre travail.",
             "Le nombre de places étant limité, merci de nous confirmer votre présence avant le {effective_date}."},
            {"Avec toute ma gratitude.", ""},
            {"P.J. : curriculum vitae", ""}};
  }
  return {// information_request
          {"Objet : Demande d'information", "Objet : Demande de renseignements sur mon contrat"},
          {"Titulaire du contrat n° {contract_id}, je souhaiterais obtenir des précisions sur les "
           "garanties dont je bénéficie actuellement.",
           "Je vous serais reconnaissant(e) de bien vouloir m'adresser la documentation relative à vos "
           "offres, ainsi que les conditions générales en vigueur."},
          {"En particulier, je souhaiterais connaître le montant des cotisations pour l'année à venir "
           "et les éventuelles options disponibles.",
           "Pourriez-vous également m'indiquer la date de la prochaine échéance et les modalités de "
           "paiement possibles ?"},
          {"Je vous remercie par avance de votre réponse.", ""},
          {""}};
}

}  // namespace

const LanguageWordings& FrenchWordings() {
  static const LanguageWordings w{
      {"Madame, Monsieur,"},
      {"Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
       "Veuillez agréer, Madame, Monsieur, l'expression de mes sentiments les meilleurs.",
       "Dans l'attente de votre réponse, je vous prie de croire, Madame, Monsieur, à l'assurance de "
       "ma considération distinguée."},
      &FrenchClass};
  return w;
}

}  // namespace facteur::samplegen
