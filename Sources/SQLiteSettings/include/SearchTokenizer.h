#ifndef KIOSQUE_SEARCH_TOKENIZER_H
#define KIOSQUE_SEARCH_TOKENIZER_H

#include <sqlite3.h>

/// Registers the tokenizer of the FTS5 search index that schemas v10 and
/// v11 kept, "kiosque_terms", on one connection: the migrations that make
/// and then drop that index need it (kiosque's own index took its place in
/// v12), and the tests check kiosque's index against FTS5 with it.
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
