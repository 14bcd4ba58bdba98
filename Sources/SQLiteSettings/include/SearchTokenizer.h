#ifndef KIOSQUE_SEARCH_TOKENIZER_H
#define KIOSQUE_SEARCH_TOKENIZER_H

#include <sqlite3.h>

/// Registers the search index's tokenizer, "kiosque_terms", on one
/// connection: every connection that reads or writes the index needs it.
/// Returns SQLITE_OK, or SQLite's error when FTS5 is missing.
///
/// The text it is given was made by the French analyzer: terms already
/// folded and stemmed, one space between them. So it only cuts at the
/// spaces (any byte up to U+0020) and hands each term over as it lies,
/// where FTS5's own tokenizers look up and copy every byte again (a tenth
/// of the index's time at import). Query strings are made of the same
/// terms, so they are cut the same way.
int kiosque_register_search_tokenizer(sqlite3 *db);

#endif
