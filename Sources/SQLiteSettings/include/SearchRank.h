#ifndef KIOSQUE_SEARCH_RANK_H
#define KIOSQUE_SEARCH_RANK_H

#include <sqlite3.h>

/// Registers "kiosque_rank(table, weight, ...)" on one connection: the
/// Okapi BM25 score of a row, as FTS5's bm25() with the same column
/// weights gives it (negated: lower is better), except for a query of a
/// single phrase, where the phrase's rarity is left out. With one phrase
/// that rarity multiplies every row's score by the same number, so the
/// order is bm25's; working it out means walking every row that holds the
/// phrase, 3.5 of the 5 ms of ranking a word found in 40,000 articles.
/// Returns SQLITE_OK, or SQLite's error when FTS5 is missing.
int kiosque_register_search_rank(sqlite3 *db);

#endif
