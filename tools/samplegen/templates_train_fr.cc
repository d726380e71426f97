// French wordings only the "train" split uses (see AddTrainOnlyWordings in
// letter.h): many more phrasings per class, so the model learns the intent
// rather than a handful of sentences. Written fresh, not derived from the
// evaluation wordings; they are kept out of the lists SplitIndices divides,
// so adding here never moves a wording into or out of the eval split.
#include "samplegen/letter.h"

namespace facteur::samplegen {
namespace {

void Add(std::vector<std::string>& to, std::initializer_list<const char*> items) {
  for (const char* s : items) to.push_back(s);
}

void Termination(ClassWordings& w) {
  Add(w.subjects, {"Objet : Résiliation", "Objet : Résiliation de mon contrat d'assurance {contract_id}",
                   "Objet : Arrêt de mon abonnement", "Objet : Demande de fin d'abonnement",
                   "Objet : Résiliation à échéance", "Objet : Cessation du contrat {contract_id}",
                   "Objet : Résiliation suite à déménagement", "Objet : Clôture de mon contrat"});
  Add(w.openings, {"Je vous notifie par ce courrier ma décision de résilier mon contrat {contract_id}.",
                   "Je ne souhaite pas reconduire mon contrat {contract_id} et vous demande donc sa résiliation pour le {effective_date}.",
                   "Mon contrat {contract_id} arrivant à son terme, je vous informe que je ne le renouvellerai pas.",
                   "Je vous demande de mettre fin à mon abonnement au {effective_date}.",
                   "Suite à la vente de mon véhicule, je résilie le contrat d'assurance {contract_id} à compter du {effective_date}.",
                   "Ayant quitté mon logement, je vous demande de résilier le contrat {contract_id} qui le concernait.",
                   "En raison de la hausse de vos tarifs, j'ai décidé de résilier mon abonnement {contract_id}.",
                   "Par cette lettre recommandée, je vous signifie la résiliation de mon adhésion {contract_id}.",
                   "Je sollicite l'arrêt définitif de mon contrat {contract_id} dès que possible.",
                   "Veuillez considérer ce courrier comme ma demande officielle de résiliation du contrat {contract_id}."});
  Add(w.middles, {"Je vous demande de ne plus débiter mon compte à partir du {effective_date}.",
                  "Merci de m'adresser un courrier confirmant la date de fin du contrat.",
                  "Je restituerai le boîtier et les accessoires à réception de votre bon de retour.",
                  "Je vous saurais gré de procéder au remboursement du prorata de cotisation déjà versé.",
                  "La loi Hamon me permet de résilier ce contrat à tout moment après la première année.",
                  "Je n'ai plus l'usage de ce service et ne souhaite plus être engagé(e).",
                  "Aucun renouvellement tacite ne devra intervenir à l'échéance.",
                  "Je vous remercie de clôturer mon espace client et de supprimer mes données personnelles."});
  Add(w.endings, {"Je vous remercie de prendre bonne note de ma décision.",
                  "Merci de me confirmer la bonne prise en compte de cette résiliation."});
}

void Complaint(ClassWordings& w) {
  Add(w.subjects, {"Objet : Réclamation", "Objet : Mécontentement", "Objet : Litige sur ma facture",
                   "Objet : Réclamation — retard de remboursement", "Objet : Plainte", "Objet : Service défaillant",
                   "Objet : Contestation d'un prélèvement", "Objet : Réclamation écrite, dossier {customer_id}"});
  Add(w.openings, {"Je vous écris pour vous faire part de mon profond mécontentement.",
                   "Je conteste le prélèvement de {amount} effectué le {incident_date} sans mon accord.",
                   "Votre technicien ne s'est pas présenté au rendez-vous du {incident_date}, pour la troisième fois.",
                   "Je suis extrêmement déçu(e) par la qualité de votre service depuis plusieurs semaines.",
                   "J'attends depuis le {incident_date} le remboursement promis de {amount}, en vain.",
                   "Je porte réclamation contre la facturation de frais que je n'ai jamais acceptés.",
                   "Le produit livré le {incident_date} est défectueux et votre service après-vente refuse de le reprendre.",
                   "Je dénonce le comportement inacceptable de votre conseiller lors de mon appel du {incident_date}.",
                   "Malgré trois courriers restés sans réponse, mon problème n'a toujours pas été traité.",
                   "Je déplore une nouvelle coupure de service, la quatrième ce mois-ci."});
  Add(w.middles, {"Je vous mets en demeure de régulariser la situation sous quinze jours.",
                  "Je demande le remboursement intégral des sommes prélevées à tort, soit {amount}.",
                  "Vos conseillers se renvoient la responsabilité et personne ne prend mon dossier en charge.",
                  "Ce dysfonctionnement m'a causé des frais bancaires que je vous demande de prendre en charge.",
                  "Je n'accepte pas les explications fournies par votre service client, qui sont contradictoires.",
                  "Je souhaite un geste commercial à la hauteur du désagrément subi.",
                  "Je vous rappelle que je suis client(e) depuis plus de dix ans et je suis très déçu(e).",
                  "Sans réponse de votre part, je saisirai une association de consommateurs."});
  Add(w.endings, {"J'attends une réponse rapide et une solution concrète.",
                  "Je me réserve le droit d'engager toute action utile."});
}

void AddressChange(ClassWordings& w) {
  Add(w.subjects, {"Objet : Nouvelle adresse", "Objet : Changement de domicile", "Objet : Mise à jour de mon adresse",
                   "Objet : Changement de coordonnées", "Objet : Transfert de mon dossier à ma nouvelle adresse",
                   "Objet : Modification d'adresse — contrat {contract_id}"});
  Add(w.openings, {"Je vous informe que j'habite désormais au {new_address}.",
                   "Depuis le {effective_date}, mon adresse est la suivante : {new_address}.",
                   "Nous venons de déménager : merci d'enregistrer notre nouvelle adresse, {new_address}.",
                   "Je vous prie de modifier l'adresse de correspondance de mon dossier : {new_address}.",
                   "Suite à une mutation professionnelle, j'ai changé de domicile le {effective_date}.",
                   "Merci de mettre à jour mon adresse postale dans vos fichiers : {new_address}.",
                   "Je souhaite que mes courriers me soient envoyés à ma nouvelle adresse, {new_address}, à partir du {effective_date}.",
                   "Veuillez noter mes nouvelles coordonnées postales : {new_address}."});
  Add(w.middles, {"L'adresse {old_address} n'est plus valable.",
                  "Les contrats et le compte rattachés à mon nom sont concernés par ce changement.",
                  "Mon adresse électronique et mon numéro de téléphone, {phone}, ne changent pas.",
                  "Le logement assuré reste le même ; seule l'adresse d'envoi des courriers change.",
                  "Je vous joins une facture d'électricité à mon nouveau nom et à ma nouvelle adresse.",
                  "Merci d'envoyer mes prochains relevés et avis d'échéance à cette adresse."});
  Add(w.endings, {"Merci de me confirmer la mise à jour de mon dossier.", "Je vous remercie de votre diligence."});
}

void BankDetails(ClassWordings& w) {
  Add(w.subjects, {"Objet : Changement de RIB", "Objet : Nouvelles coordonnées bancaires",
                   "Objet : Mandat de prélèvement SEPA", "Objet : Changement de banque",
                   "Objet : Mise à jour de mon IBAN", "Objet : Nouveau compte pour le contrat {contract_id}"});
  Add(w.openings, {"Ayant ouvert un compte dans une nouvelle banque, je vous transmets mon nouveau RIB :",
                   "Veuillez prélever désormais mes échéances sur le compte suivant :",
                   "Je souhaite modifier le compte sur lequel sont prélevées mes cotisations. Voici mes nouvelles coordonnées :",
                   "Merci d'enregistrer mes nouvelles coordonnées bancaires pour le contrat {contract_id} :",
                   "Mon ancien compte étant clôturé, les prélèvements devront être effectués sur ce compte :",
                   "Je vous adresse ci-dessous l'IBAN de mon nouveau compte pour les remboursements et prélèvements :"});
  Add(w.middles, {"Titulaire du compte : {sender_name}\nIBAN : {iban}\nBIC : {bic}",
                  "IBAN : {iban}\nBIC : {bic}\nDomiciliation : {bank_name}",
                  "Banque : {bank_name}\nIBAN : {iban}\nCode BIC : {bic}\nTitulaire : {sender_name}"});
  Add(w.endings, {"Vous trouverez ci-joint le mandat SEPA complété et signé.",
                  "Merci de me confirmer la date du premier prélèvement sur ce nouveau compte.",
                  "Le changement doit s'appliquer dès la prochaine échéance du {effective_date}."});
  Add(w.attachments, {"P.J. : relevé d'identité bancaire", "P.J. : mandat SEPA signé, RIB"});
}

void Claim(ClassWordings& w) {
  Add(w.subjects, {"Objet : Sinistre", "Objet : Déclaration d'accident", "Objet : Déclaration de dégât des eaux",
                   "Objet : Sinistre habitation — contrat {contract_id}", "Objet : Bris de glace",
                   "Objet : Déclaration de cambriolage", "Objet : Sinistre automobile", "Objet : Demande d'indemnisation"});
  Add(w.openings, {"Je souhaite déclarer un accident de la circulation survenu le {incident_date}.",
                   "Mon domicile a été cambriolé dans la nuit du {incident_date} ; je vous déclare ce sinistre.",
                   "Un orage violent a endommagé la toiture de ma maison le {incident_date}.",
                   "Le pare-brise de mon véhicule a été brisé le {incident_date} ; je vous en fais la déclaration.",
                   "Un incendie s'est déclaré dans ma cuisine le {incident_date}, causant d'importants dégâts.",
                   "Je vous informe d'un dégât des eaux constaté le {incident_date} dans ma salle de bains.",
                   "Au titre de ma garantie, je vous déclare la perte de mes bagages lors du voyage du {incident_date}.",
                   "J'ai été victime d'une chute de grêle le {incident_date} qui a abîmé mon véhicule assuré."});
  Add(w.middles, {"Les réparations sont chiffrées à {amount} selon le devis joint.",
                  "Un constat amiable a été signé avec l'autre conducteur, dont je vous transmets une copie.",
                  "Une plainte a été déposée auprès de la gendarmerie ; le récépissé est joint.",
                  "Les objets volés comprennent un ordinateur portable, des bijoux et un téléviseur.",
                  "Je demande la visite d'un expert afin d'évaluer les dommages.",
                  "Le plombier est intervenu pour stopper la fuite ; sa facture s'élève à {amount}.",
                  "Personne n'a été blessé mais le véhicule est immobilisé au garage."});
  Add(w.endings, {"Merci de m'indiquer le numéro de dossier attribué à ce sinistre.",
                  "Je vous remercie de bien vouloir instruire ce dossier rapidement."});
}

void Order(ClassWordings& w) {
  Add(w.subjects, {"Objet : Commande", "Objet : Commande n° {order_number}", "Objet : Bon de commande",
                   "Objet : Commande de matériel de bureau", "Objet : Réapprovisionnement"});
  Add(w.openings, {"Nous souhaitons commander les articles suivants :",
                   "Merci de nous faire parvenir la commande suivante dans les meilleurs délais :",
                   "Suite à votre devis, nous vous passons commande des fournitures ci-après :",
                   "Veuillez enregistrer notre commande n° {order_number} :",
                   "Je souhaiterais commander les produits suivants, référencés dans votre catalogue :"});
  Add(w.middles, {"{items}"});
  Add(w.endings, {"Livraison souhaitée avant la fin du mois.", "Merci de joindre le bon de livraison au colis.",
                  "La facture est à adresser à notre service comptabilité.",
                  "Merci de nous envoyer un accusé de réception de commande."});
}

void InformationRequest(ClassWordings& w) {
  Add(w.subjects, {"Objet : Demande de renseignements", "Objet : Question", "Objet : Demande de précisions",
                   "Objet : Information sur vos offres", "Objet : Question sur mon contrat {contract_id}",
                   "Objet : Envoi de documentation", "Objet : Demande de devis"});
  Add(w.openings, {"J'aimerais obtenir des informations sur vos offres d'assurance habitation.",
                   "Pourriez-vous me dire si mon contrat {contract_id} inclut une assistance en cas de panne ?",
                   "Je souhaiterais connaître les conditions pour souscrire votre formule famille.",
                   "Merci de m'envoyer votre documentation commerciale et vos tarifs en vigueur.",
                   "Je me permets de vous interroger sur le fonctionnement de la garantie prévue à mon contrat.",
                   "Pouvez-vous m'expliquer comment est calculée ma cotisation annuelle ?",
                   "Je voudrais savoir quels documents fournir pour ajouter mon conjoint à mon contrat.",
                   "Pourriez-vous m'adresser un devis pour une assurance de mon nouveau véhicule ?"});
  Add(w.middles, {"Je souhaiterais également connaître les délais de carence éventuels.",
                  "Existe-t-il une réduction pour les clients possédant plusieurs contrats ?",
                  "Une réponse par courriel me conviendrait parfaitement.",
                  "Je n'ai pas trouvé cette information sur votre site internet.",
                  "Pouvez-vous aussi me préciser les horaires d'ouverture de votre agence ?"});
  Add(w.endings, {"Merci de me faire parvenir ces éléments par courrier.", "Ces précisions m'aideront à faire mon choix."});
}

void Other(ClassWordings& w) {
  Add(w.subjects, {"Objet : Invitation", "Objet : Merci", "Objet : Demande de stage", "Objet : Présentation de notre société",
                   "Objet : Condoléances", "Objet : Assemblée générale de l'association", "Objet : Demande de parrainage",
                   "Objet : Vœux", "Objet : Prise de rendez-vous", "Objet : Information — fermeture exceptionnelle"});
  Add(w.openings, {"Je vous remercie chaleureusement pour votre aide lors de l'organisation de notre fête de quartier.",
                   "Étudiant(e) en deuxième année de BTS, je recherche un stage de six semaines à partir du {effective_date}.",
                   "Nous avons le plaisir de vous présenter notre cabinet de conseil, récemment installé dans votre ville.",
                   "C'est avec tristesse que nous avons appris le décès de votre ancien directeur.",
                   "L'assemblée générale de notre association se tiendra le {effective_date} à la salle des fêtes.",
                   "Notre club sportif recherche des partenaires pour financer les maillots de la saison prochaine.",
                   "Toute l'équipe se joint à moi pour vous adresser nos meilleurs vœux pour la nouvelle année.",
                   "Je souhaiterais vous rencontrer pour vous présenter notre projet culturel.",
                   "Nous vous informons que nos bureaux seront fermés du {effective_date} au lundi suivant.",
                   "Veuillez trouver ci-joint notre lettre d'information trimestrielle.",
                   "Titulaire d'un master de gestion, je sollicite un emploi de chargé(e) de clientèle dans votre entreprise.",
                   "Je me permets de vous écrire pour vous dire combien j'ai apprécié la conférence de votre directrice.",
                   "Notre école organise une collecte de livres et nous pensons que vous pourriez y participer.",
                   "Vous trouverez ci-joint le compte rendu de la réunion de copropriété du {incident_date}.",
                   "Comme convenu, je vous adresse la note technique sur notre nouvel appareil de mesure.",
                   "Notre laboratoire a mis au point un procédé qui pourrait intéresser vos ingénieurs.",
                   "Permettez-moi de vous présenter les résultats des essais menés dans notre atelier le mois dernier.",
                   "Suite à notre réunion, voici une brève description du système que nous utilisons."});
  Add(w.middles, {"Le matériel est simple à utiliser et les premiers résultats sont encourageants.",
                  "Une copie du rapport complet peut vous être envoyée sur simple demande."});
  Add(w.middles, {"Votre présence nous ferait un grand plaisir.",
                  "Je joins mon curriculum vitae et une lettre de recommandation de mon enseignant.",
                  "Nous restons disponibles pour une démonstration gratuite dans vos locaux.",
                  "Nous vous adressons nos sincères condoléances.",
                  "L'ordre du jour comprend le rapport moral et l'élection du bureau.",
                  "En contrepartie, votre logo figurerait sur nos affiches et notre site.",
                  "Un buffet sera servi à l'issue de la réunion.",
                  "Je reste joignable au {phone} pour convenir d'une date."});
  // Prose professionnelle qui ne demande rien et ne se plaint de rien (voir
  // templates_train_en.cc) : présentation d'une technique, description.
  Add(w.openings, {"Permettez-moi de vous présenter le logiciel de planification adopté par notre bureau d'études.",
                   "J'ai pensé que vous aimeriez connaître le procédé de recyclage mis en place dans notre usine.",
                   "Cette note décrit brièvement le fonctionnement de notre nouvelle machine de tri des colis.",
                   "J'ai le plaisir de vous annoncer que nos deux équipes de recherche partageront désormais les mêmes locaux.",
                   "Je vous décris la manière dont nos techniciens surveillent désormais les stations de pompage à distance.",
                   "Suite à notre échange au salon professionnel, voici les grandes lignes de notre méthode d'essai."});
  Add(w.middles, {"Un capteur mesure la température à chaque étape et transmet la valeur à un ordinateur central, "
                  "qui règle le chauffage automatiquement.",
                  "L'opérateur charge les feuilles d'un côté ; la machine lit chaque page, la trie et l'empile dans "
                  "le bon bac de l'autre côté.",
                  "L'air neuf est aspiré en toiture, filtré, réchauffé par la chaleur récupérée sur l'air extrait, "
                  "puis soufflé dans chaque pièce.",
                  "Chaque appareil est contrôlé par notre laboratoire avant de quitter l'usine, et les mesures sont "
                  "conservées dix ans.",
                  "Le système fonctionne dans notre atelier depuis six mois et s'est révélé fiable.",
                  "Nous en publierons un compte rendu plus complet dans le bulletin du printemps.",
                  "Mes collègues se feront un plaisir de vous montrer l'installation lors de votre prochaine visite."});
  Add(w.endings, {"Bien cordialement.", "Au plaisir de vous lire."});
  Add(w.attachments, {"P.J. : plaquette de présentation", "P.J. : programme"});
}

}  // namespace

void AddFrenchTrainWordings(const std::string& c, ClassWordings& w) {
  if (c == "termination") Termination(w);
  if (c == "complaint") Complaint(w);
  if (c == "address_change") AddressChange(w);
  if (c == "bank_details") BankDetails(w);
  if (c == "claim") Claim(w);
  if (c == "order") Order(w);
  if (c == "information_request") InformationRequest(w);
  if (c == "other") Other(w);
}

const std::vector<std::string>& FrenchTrainAsides() {
  // Sentences any class may carry (distractors), and side mentions of another
  // topic that do not change the letter's main intent.
  static const std::vector<std::string> asides = {
      "Je fais suite à notre conversation téléphonique du {incident_date}.",
      "Pour mémoire, ma référence client est {customer_id}.",
      "Vous pouvez me joindre en journée au {phone}.",
      "Je vous prie de m'excuser pour le retard de ce courrier.",
      "Je vous écris au nom de ma mère, titulaire du contrat, qui ne peut se déplacer.",
      "Votre agence étant fermée le samedi, je préfère vous écrire.",
      "Je vous remercie de faire suivre ce courrier au service compétent.",
      "Par ailleurs, mon numéro de téléphone a changé : {phone}.",
      "Je profite de ce courrier pour vous signaler une erreur dans l'orthographe de mon nom.",
      "Je vous ai déjà adressé un courriel à ce sujet, resté sans suite.",
      "Accessoirement, j'ai bien reçu votre dernière facture.",
      "Je suis client(e) chez vous depuis de nombreuses années.",
      "Je vous remercie par avance de votre réponse.",
      "Dans l'attente de votre retour, je vous remercie de votre attention.",
      "Merci par avance pour votre diligence.",
      "Je vous remercie de l'attention que vous porterez à ce courrier.",
      "Je reste à votre disposition pour tout complément d'information.",
      "N'hésitez pas à me contacter si nécessaire.",
  };
  return asides;
}

}  // namespace facteur::samplegen

namespace facteur::samplegen {

const std::vector<std::string>& FrenchTrainSalutations() {
  static const std::vector<std::string> s = {"Monsieur,", "Madame,", "Messieurs,", "Bonjour,",
                                             "Madame, Monsieur, bonjour,", "Chère Madame, cher Monsieur,"};
  return s;
}

const std::vector<std::string>& FrenchTrainClosings() {
  // Courtesy formulas of every kind, so that none of them points to a class.
  static const std::vector<std::string> s = {
      "Cordialement.",
      "Bien à vous.",
      "Salutations distinguées.",
      "Recevez, Madame, Monsieur, mes salutations respectueuses.",
      "Je vous prie de recevoir, Madame, Monsieur, mes sincères salutations.",
      "Dans l'attente de votre retour, veuillez agréer mes salutations distinguées.",
      "Dans l'attente de vous lire, je vous adresse mes meilleures salutations.",
      "En vous remerciant par avance, je vous prie de croire à mes sentiments dévoués.",
      "En attendant votre réponse, recevez mes salutations les plus cordiales.",
      "Je vous remercie de votre attention et vous prie d'agréer mes respectueuses salutations.",
      "Veuillez croire, Madame, Monsieur, en l'expression de ma considération.",
      "Avec mes remerciements, je vous prie d'accepter mes salutations distinguées.",
  };
  return s;
}

}  // namespace facteur::samplegen
