#ifndef KIOSQUE_SQLITE_SETTINGS_H
#define KIOSQUE_SQLITE_SETTINGS_H

#include "SearchTokenizer.h"
#include "Prefetch.h"

/// Turns SQLite's memory statistics off, for the whole process. Must run
/// before SQLite is first used: returns 0 when it took effect, SQLite's
/// SQLITE_MISUSE when it came too late (SQLite then keeps counting).
///
/// sqlite3_config takes variable arguments, which Swift cannot pass.
int kiosque_sqlite_stop_memory_statistics(void);

#endif
