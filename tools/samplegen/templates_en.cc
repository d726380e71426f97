// English wordings for each letter class. Placeholders are filled by
// ComposeLetter (letter.cc).
#include "samplegen/letter.h"

namespace facteur::samplegen {
namespace {

ClassWordings EnglishClass(const std::string& c) {
  if (c == "termination") {
    return {{"Re: Cancellation of contract {contract_id}", "Re: Notice of termination",
             "Re: Request to cancel my subscription"},
            {"I am writing to give notice that I wish to terminate my contract {contract_id} with "
             "effect from {effective_date}.",
             "Please accept this letter as formal notice of cancellation of my policy {contract_id}, "
             "to take effect on {effective_date}."},
            {"I would be grateful if you could stop all direct debits from my account after that date "
             "and send me a final statement.",
             "I understand that the notice period stated in the terms and conditions has been respected.",
             "Please confirm the cancellation in writing and let me know how to return any equipment."},
            {"If you need any further information, please call me on {phone}.", ""},
            {""}};
  }
  if (c == "complaint") {
    return {{"Re: Formal complaint, account {customer_id}", "Re: Complaint about incorrect billing",
             "Re: Complaint regarding poor service"},
            {"I am writing to complain about the invoice dated {incident_date}, which charges me {amount} "
             "for services I did not receive.",
             "I wish to make a formal complaint about the way my account has been handled since "
             "{incident_date}.",
             "I am very disappointed with the service I have received, which has been interrupted since "
             "{incident_date}."},
            {"I have telephoned your customer service department several times, but nobody has been able "
             "to resolve the problem or explain the charges.",
             "I therefore ask you to refund the sum of {amount} to my account as soon as possible.",
             "This has caused me considerable inconvenience and I expect the matter to be put right "
             "without further delay."},
            {"If I do not receive a satisfactory reply within eight weeks, I will refer the matter to the "
             "Ombudsman.",
             "I look forward to your prompt reply."},
            {"Enc: copy of the disputed invoice", ""}};
  }
  if (c == "address_change") {
    return {{"Re: Change of address", "Re: Notification of new address"},
            {"Please note that from {effective_date} my new address will be: {new_address}.",
             "I am writing to inform you that I have moved house. Please update your records with my "
             "new address: {new_address}."},
            {"My previous address, {old_address}, should no longer be used for any correspondence.",
             "Please apply this change to all my accounts, including contract {contract_id}.",
             "My telephone number, {phone}, remains unchanged."},
            {"I enclose a recent utility bill as proof of address.", ""},
            {"Enc: proof of address", ""}};
  }
  if (c == "bank_details") {
    return {{"Re: Change of bank details", "Re: New account for direct debit payments"},
            {"I have changed banks and would like future payments for contract {contract_id} to be "
             "collected from my new account:"},
            {"Account holder: {sender_name}\nIBAN: {iban}\nBIC: {bic}\nBank: {bank_name}"},
            {"This change should apply from the payment due on {effective_date}. A signed direct debit "
             "mandate is enclosed.",
             "Please do not use my old account, which is being closed."},
            {"Enc: bank statement, signed mandate"}};
  }
  if (c == "claim") {
    return {{"Re: Insurance claim, policy {contract_id}", "Re: Notification of claim"},
            {"I wish to make a claim under my policy {contract_id} for damage that occurred on "
             "{incident_date}.",
             "I am writing to report an incident on {incident_date}, covered by policy {contract_id}."},
            {"A pipe burst in the upstairs bathroom and water came through the kitchen ceiling, damaging "
             "the ceiling, the floor and several appliances.",
             "I estimate the cost of repairs at around {amount}; photographs and quotes are available.",
             "The other driver failed to stop at a junction and hit the side of my vehicle. The police "
             "attended and a report was made.",
             "I estimate the cost of repairs at around {amount}; photographs and quotes are available."},
            {"Please send me a claim form and let me know when your assessor can visit.", ""},
            {"Enc: photographs, repair quote", ""}};
  }
  if (c == "order") {
    return {{"Re: Purchase order {order_number}", "Re: Order for office supplies"},
            {"Please supply the following items at the prices quoted in your current catalogue:",
             "We would like to place the following order, for delivery to the address above:"},
            {"{items}"},
            {"Payment will be made by bank transfer within 30 days of invoice.",
             "Please confirm the delivery date by return."},
            {""}};
  }
  if (c == "other") {  // fits no class: thanks, invitations, applications
    return {{"Re: Thank you", "Re: Invitation to our open day", "Re: Job application", "Re: Charity dinner"},
            {"I would like to thank your team for the warm welcome during my visit on {incident_date}.",
             "We are pleased to invite you to our open day on {effective_date} at our new premises.",
             "Please find enclosed my application for the position advertised on your website.",
             "Our association is organising a charity dinner on {effective_date} and would be delighted to "
             "count you among our guests."},
            {"The programme includes a guided tour, a short presentation and refreshments.",
             "I have ten years of experience in customer service and would welcome the opportunity to meet you.",
             "Everyone was friendly and helpful, and it was a real pleasure to see the work you do.",
             "Places are limited, so please let us know by {effective_date} whether you will attend."},
            {"With best wishes to the whole team.", ""},
            {"Enc: curriculum vitae", ""}};
  }
  return {// information_request
          {"Re: Request for information", "Re: Enquiry about my policy"},
          {"As the holder of policy {contract_id}, I would like some information about my current "
           "cover.",
           "Could you please send me details of your products and your current terms and conditions?"},
          {"In particular, I would like to know the premium for next year and which options are "
           "available.",
           "Could you also tell me when the next payment is due?"},
          {"Thank you in advance for your help.", ""},
          {""}};
}

}  // namespace

const LanguageWordings& EnglishWordings() {
  static const LanguageWordings w{
      {"Dear Sir or Madam,"}, {"Yours faithfully,", "Yours faithfully,", "Kind regards,"}, &EnglishClass};
  return w;
}

}  // namespace facteur::samplegen
