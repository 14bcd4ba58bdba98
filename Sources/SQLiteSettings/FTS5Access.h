#ifndef KIOSQUE_FTS5_ACCESS_H
#define KIOSQUE_FTS5_ACCESS_H

#include <sqlite3.h>

/// FTS5's API on one connection, to register tokenizers and functions;
/// NULL when this SQLite has no FTS5.
fts5_api *kiosque_fts5_of(sqlite3 *db);

#endif
