// HTML building blocks for the web page: escaping, the page frame, hit
// marking. Every piece of text that comes from a record or a request goes
// through Escape (or a function here that escapes) before it is written.
#ifndef FACTEUR_SERVE_HTML_H_
#define FACTEUR_SERVE_HTML_H_

#include <string>
#include <string_view>
#include <vector>

namespace facteur::serve {

// & < > " ' escaped; bytes that are not valid UTF-8 become U+FFFD.
std::string Escape(std::string_view text);

// Percent-encodes a query-string value.
std::string UrlEncode(std::string_view text);

// The whole page: doctype, head with the style sheet, a header bar with the
// search link, then `body` (already HTML).
std::string Layout(const std::string& title, const std::string& body);

// A store snippet ("… the [résiliation] of …") as HTML with <mark>s.
std::string MarkSnippet(std::string_view snippet);

// The words of a search box query to mark in a page's text: operators,
// column names, quotes and '*' dropped; accent- and case-folded.
std::vector<std::string> QueryTerms(std::string_view query);

// `text` escaped, with <mark> around each word starting with one of `terms`
// (or with its light stem, so "résilier" marks "résiliation"), line
// breaks kept by the <pre> it goes in.
std::string MarkTerms(std::string_view text, const std::vector<std::string>& terms);

// The style sheet served at /static/style.css.
const char* StyleSheet();

}  // namespace facteur::serve

#endif  // FACTEUR_SERVE_HTML_H_
