// English wordings only the "train" split uses (see AddTrainOnlyWordings in
// letter.h). Written fresh, not derived from the evaluation wordings, and
// kept out of the lists SplitIndices divides (the eval split is unchanged).
#include "samplegen/letter.h"

namespace facteur::samplegen {
namespace {

void Add(std::vector<std::string>& to, std::initializer_list<const char*> items) {
  for (const char* s : items) to.push_back(s);
}

void Termination(ClassWordings& w) {
  Add(w.subjects, {"Re: Termination", "Re: Cancellation", "Re: Termination of policy {contract_id}",
                   "Re: Ending my subscription", "Re: Cancellation of membership", "Re: Contract end",
                   "Re: Cancelling my service", "Re: Termination following my move abroad"});
  Add(w.openings, {"I wish to cancel my subscription with effect from {effective_date}.",
                   "Please terminate my contract {contract_id}; I no longer need your service.",
                   "This letter is my formal request to cancel policy {contract_id}.",
                   "As I have sold my car, I would like to cancel the motor policy {contract_id} from {effective_date}.",
                   "Because of your recent price increase, I have decided to end my contract {contract_id}.",
                   "I am moving abroad and therefore need to terminate contract {contract_id} on {effective_date}.",
                   "I do not want my contract {contract_id} to renew automatically; please cancel it at renewal.",
                   "Kindly treat this letter as notice that I am terminating my membership {contract_id}.",
                   "I would like to end my agreement with you at the earliest possible date.",
                   "I am writing to cancel the service I signed up for under reference {contract_id}."});
  Add(w.middles, {"Please make sure no further payments are taken from my account after {effective_date}.",
                  "I would appreciate written confirmation of the date on which the contract ends.",
                  "Please send me a prepaid bag so that I can return the router.",
                  "I would expect a refund of any premium paid for the period after cancellation.",
                  "I have no further use for the service and do not wish to remain under contract.",
                  "Please close my online account and delete my personal data.",
                  "I believe the minimum term has now expired, so no cancellation fee should apply."});
  Add(w.endings, {"Thank you for acknowledging my decision.", "Please confirm the cancellation by return."});
}

void Complaint(ClassWordings& w) {
  Add(w.subjects, {"Re: Complaint", "Re: Poor service", "Re: Billing dispute", "Re: Complaint about a late refund",
                   "Re: Disputed direct debit", "Re: Dissatisfaction with your handling of my case",
                   "Re: Written complaint, reference {customer_id}"});
  Add(w.openings, {"I am writing to express my deep dissatisfaction with your company.",
                   "I dispute the payment of {amount} taken from my account on {incident_date} without my consent.",
                   "Your engineer failed to turn up for the appointment on {incident_date}, for the third time.",
                   "I have been waiting since {incident_date} for the refund of {amount} you promised me.",
                   "I wish to complain about charges I never agreed to.",
                   "The item delivered on {incident_date} was faulty and your after-sales team refuses to replace it.",
                   "I was treated rudely by one of your advisers when I called on {incident_date}.",
                   "Three letters have gone unanswered and my problem has still not been dealt with.",
                   "Once again my service has been cut off, the fourth time this month.",
                   "I am appalled at the way my account has been mismanaged."});
  Add(w.middles, {"I require you to put matters right within fourteen days.",
                  "I ask for a full refund of the amount wrongly taken, namely {amount}.",
                  "Your staff keep passing me from one department to another and nobody takes responsibility.",
                  "This failure has caused me bank charges, which I expect you to reimburse.",
                  "The explanations given by your call centre are contradictory and unacceptable.",
                  "I expect a goodwill gesture that reflects the inconvenience caused.",
                  "I have been a loyal customer for over ten years and I am very let down.",
                  "If I receive no answer, I will contact a consumer association."});
  Add(w.endings, {"I await a prompt reply and a concrete solution.", "I reserve the right to take further action."});
}

void AddressChange(ClassWordings& w) {
  Add(w.subjects, {"Re: New address", "Re: Change of contact details", "Re: Moving house",
                   "Re: Updated postal address", "Re: Address update for contract {contract_id}"});
  Add(w.openings, {"I would like to let you know that I now live at {new_address}.",
                   "Since {effective_date} my address has been {new_address}.",
                   "We have just moved; please record our new address, {new_address}.",
                   "Please change the correspondence address on my file to {new_address}.",
                   "Following a job transfer, I moved house on {effective_date}.",
                   "Kindly update my postal address in your records: {new_address}.",
                   "Please send all my letters to my new address, {new_address}, from {effective_date}.",
                   "Please note my new postal details: {new_address}."});
  Add(w.middles, {"The address {old_address} is no longer valid.",
                  "All the contracts and the account in my name are affected by this change.",
                  "My email address and my phone number, {phone}, stay the same.",
                  "The insured property is unchanged; only the mailing address is different.",
                  "I attach a council tax bill showing my name at the new address.",
                  "Please send future statements and renewal notices to this address."});
  Add(w.endings, {"Please confirm that my file has been updated.", "Thank you for your help."});
}

void BankDetails(ClassWordings& w) {
  Add(w.subjects, {"Re: New bank details", "Re: Change of bank account", "Re: Direct debit mandate",
                   "Re: Updated IBAN", "Re: New account for contract {contract_id}"});
  Add(w.openings, {"I have opened an account with a new bank; my new details are below:",
                   "Please collect my monthly payments from the following account from now on:",
                   "I would like to change the account my premiums are paid from. The new details are:",
                   "Please record my new bank details for contract {contract_id}:",
                   "My old account has been closed, so payments must now be taken from this account:",
                   "Below is the IBAN of my new account for refunds and direct debits:"});
  Add(w.middles, {"Account name: {sender_name}\nIBAN: {iban}\nBIC: {bic}",
                  "IBAN: {iban}\nBIC: {bic}\nBank: {bank_name}",
                  "Bank: {bank_name}\nIBAN: {iban}\nSWIFT/BIC: {bic}\nAccount holder: {sender_name}"});
  Add(w.endings, {"Please find the completed and signed direct debit mandate enclosed.",
                  "Please confirm when the first payment will be taken from the new account.",
                  "The change should apply from the next payment due on {effective_date}."});
  Add(w.attachments, {"Enc: bank statement", "Enc: signed mandate"});
}

void Claim(ClassWordings& w) {
  Add(w.subjects, {"Re: Claim", "Re: Accident report", "Re: Burglary claim", "Re: Storm damage",
                   "Re: Home insurance claim, policy {contract_id}", "Re: Broken windscreen", "Re: Car accident"});
  Add(w.openings, {"I wish to report a road accident that happened on {incident_date}.",
                   "My home was burgled during the night of {incident_date} and I would like to make a claim.",
                   "A severe storm damaged the roof of my house on {incident_date}.",
                   "The windscreen of my car was broken on {incident_date}; I am notifying you of the damage.",
                   "A fire broke out in my kitchen on {incident_date}, causing extensive damage.",
                   "I am reporting a leak discovered in my bathroom on {incident_date}.",
                   "Under my travel cover, I am claiming for luggage lost on the trip of {incident_date}.",
                   "My insured vehicle was damaged by hail on {incident_date}."});
  Add(w.middles, {"The repairs have been quoted at {amount}; the quote is attached.",
                  "An accident report form was completed with the other driver and a copy is enclosed.",
                  "The burglary was reported to the police and I have a crime reference number.",
                  "The stolen items include a laptop, jewellery and a television.",
                  "I would like an assessor to inspect the damage.",
                  "A plumber came to stop the leak; his bill comes to {amount}.",
                  "Nobody was hurt, but the car cannot be driven and is at the garage."});
  Add(w.endings, {"Please tell me the claim number assigned to this case.", "Thank you for dealing with this claim quickly."});
}

void Order(ClassWordings& w) {
  Add(w.subjects, {"Re: Order", "Re: Order No. {order_number}", "Re: Purchase order", "Re: Stationery order",
                   "Re: Repeat order"});
  Add(w.openings, {"We wish to order the following items:",
                   "Please send us the following order as soon as possible:",
                   "Further to your quotation, we are placing an order for the goods below:",
                   "Please register our order number {order_number}:",
                   "I would like to order these products from your catalogue:"});
  Add(w.middles, {"{items}"});
  Add(w.endings, {"We need delivery before the end of the month.", "Please include the delivery note in the parcel.",
                  "The invoice should be sent to our accounts department.", "Please acknowledge receipt of this order."});
}

void InformationRequest(ClassWordings& w) {
  Add(w.subjects, {"Re: Information request", "Re: Question", "Re: Request for details", "Re: Your products",
                   "Re: Question about policy {contract_id}", "Re: Request for a quotation"});
  Add(w.openings, {"I would welcome some information about your home insurance products.",
                   "Could you let me know whether my policy {contract_id} includes breakdown assistance?",
                   "I would like to know the conditions for taking out your family plan.",
                   "Please send me your sales literature and your current prices.",
                   "I have a question about how the cover in my contract works.",
                   "Can you explain how my annual premium is calculated?",
                   "Which documents do I need to provide to add my partner to my policy?",
                   "Could you send me a quotation to insure my new car?"});
  Add(w.middles, {"I would also like to know whether there is a waiting period.",
                  "Is there a discount for customers holding several policies?",
                  "A reply by email would suit me perfectly.",
                  "I could not find this information on your website.",
                  "Could you also give me the opening hours of your local office?"});
  Add(w.endings, {"Please post these details to me.", "This will help me make my choice."});
}

void Other(ClassWordings& w) {
  Add(w.subjects, {"Re: Invitation", "Re: Thanks", "Re: Work placement request", "Re: Introducing our firm",
                   "Re: Condolences", "Re: Annual general meeting", "Re: Sponsorship request", "Re: Season's greetings",
                   "Re: Meeting request", "Re: Office closure"});
  Add(w.openings, {"Thank you very much for your help in organising our street party.",
                   "I am a second-year student looking for a six-week work placement from {effective_date}.",
                   "We are pleased to introduce our consultancy, which has recently opened in your town.",
                   "We were saddened to hear of the death of your former director.",
                   "Our association's annual general meeting will be held on {effective_date} in the village hall.",
                   "Our football club is looking for partners to fund next season's kit.",
                   "The whole team joins me in wishing you a happy new year.",
                   "I would like to meet you to present our cultural project.",
                   "Please note that our offices will be closed from {effective_date} until the following Monday.",
                   "Please find enclosed our quarterly newsletter.",
                   "With a degree in business, I am applying for a customer adviser post in your company.",
                   "I am writing to say how much I enjoyed your director's talk at the conference.",
                   "Our school is collecting books for the library and we hope you might take part.",
                   "Please find attached the minutes of the residents' meeting held on {incident_date}.",
                   "I am sending you, as promised, the technical note on our new measuring equipment.",
                   "Our laboratory has developed a method that may interest your engineers.",
                   "Allow me to present the results of the trials carried out in our workshop last month.",
                   "As agreed at our meeting, here is a short description of the system we use."});
  Add(w.middles, {"The equipment is simple to operate and the results so far have been encouraging.",
                  "A copy of the full report can be sent to you on request."});
  Add(w.middles, {"We would be delighted if you could join us.",
                  "I enclose my CV and a reference from my tutor.",
                  "We would be happy to give a free demonstration at your premises.",
                  "Please accept our sincere condolences.",
                  "The agenda includes the annual report and the election of officers.",
                  "In return, your logo would appear on our posters and website.",
                  "Refreshments will be served after the meeting.",
                  "I can be reached on {phone} to arrange a date."});
  // Business prose that asks for nothing and reports no problem: introducing
  // a technique or a service, describing how something works, a colleague's
  // news. Without it, a letter of plain description has no class nearer than
  // the one with the most generic vocabulary.
  Add(w.openings, {"May I introduce you to the new scheduling software our planning office has adopted.",
                   "I thought you might like to hear about the recycling process we have set up at our plant.",
                   "This note explains briefly how our new sorting machine handles incoming parcels.",
                   "I am pleased to tell you that our two research teams will now share the same premises.",
                   "Let me describe the way our engineers now monitor the pumping stations from a central office.",
                   "Following our conversation at the trade fair, here is an outline of our testing method."});
  Add(w.middles, {"A sensor measures the temperature at each stage and sends the reading to a central computer, "
                  "which adjusts the heating automatically.",
                  "The operator loads the sheets at one end; the machine reads each page, sorts it and stacks it "
                  "in the right tray at the other end.",
                  "Fresh air is drawn in at roof level, filtered, warmed by the heat recovered from the exhaust "
                  "and then blown into each room.",
                  "Each unit is checked by our laboratory before it leaves the factory, and the readings are kept "
                  "for ten years.",
                  "The system has been running in our workshop for six months and has proved reliable.",
                  "We shall publish a fuller account in the spring issue of our bulletin.",
                  "My colleagues would be glad to show you the installation when you next visit the site."});
  Add(w.endings, {"Best wishes.", "I hope to hear from you soon."});
  Add(w.attachments, {"Enc: brochure", "Enc: programme"});
}

}  // namespace

void AddEnglishTrainWordings(const std::string& c, ClassWordings& w) {
  if (c == "termination") Termination(w);
  if (c == "complaint") Complaint(w);
  if (c == "address_change") AddressChange(w);
  if (c == "bank_details") BankDetails(w);
  if (c == "claim") Claim(w);
  if (c == "order") Order(w);
  if (c == "information_request") InformationRequest(w);
  if (c == "other") Other(w);
}

const std::vector<std::string>& EnglishTrainAsides() {
  static const std::vector<std::string> asides = {
      "Further to our telephone conversation on {incident_date}.",
      "For your records, my customer reference is {customer_id}.",
      "I can be reached during the day on {phone}.",
      "I apologise for the delay in writing to you.",
      "I am writing on behalf of my father, the policyholder, who is unwell.",
      "As your branch is closed on Saturdays, I prefer to write.",
      "Please forward this letter to the relevant department.",
      "Incidentally, my phone number has changed: {phone}.",
      "I would also point out that my surname is misspelt on your letters.",
      "I have already sent an email about this, with no reply.",
      "By the way, I did receive your last invoice.",
      "I have been your customer for many years.",
      "Thank you in advance for your help.",
      "I look forward to hearing from you.",
      "Many thanks in advance for your attention.",
      "Thank you for looking into this letter.",
      "Please do not hesitate to contact me if you need anything further.",
      "I remain at your disposal for any further information.",
  };
  return asides;
}

}  // namespace facteur::samplegen

namespace facteur::samplegen {

const std::vector<std::string>& EnglishTrainSalutations() {
  static const std::vector<std::string> s = {"Dear Sirs,", "Dear Madam,", "Dear Sir,", "To whom it may concern,",
                                             "Hello,", "Dear Customer Services,"};
  return s;
}

const std::vector<std::string>& EnglishTrainClosings() {
  // Courtesy formulas of every kind, so that none of them points to a class.
  static const std::vector<std::string> s = {
      "Yours sincerely,",
      "Best regards,",
      "Regards,",
      "With thanks,",
      "Many thanks,",
      "I look forward to your reply. Yours faithfully,",
      "Thank you in advance for your reply. Yours sincerely,",
      "Awaiting your response, yours faithfully,",
      "Thank you for your attention. Kind regards,",
      "I await your answer. Best wishes,",
      "Respectfully,",
  };
  return s;
}

}  // namespace facteur::samplegen
