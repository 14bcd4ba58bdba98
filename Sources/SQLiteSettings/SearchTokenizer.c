#include <stddef.h>
#include "SearchTokenizer.h"

/// The tokenizer keeps no state: any non-null pointer will do as instance.
static int create_tokenizer(void *context, const char **arguments, int count, Fts5Tokenizer **out) {
    (void)context; (void)arguments;
    if (count != 0) return SQLITE_ERROR;   // it takes no options
    *out = (Fts5Tokenizer *)&create_tokenizer;
    return SQLITE_OK;
}

static void delete_tokenizer(Fts5Tokenizer *tokenizer) { (void)tokenizer; }

static int tokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
                    int (*token)(void *context, int flags, const char *token, int length, int start, int end)) {
    (void)tokenizer; (void)flags;
    const unsigned char *bytes = (const unsigned char *)text;
    int i = 0;
    while (i < length) {
        while (i < length && bytes[i] <= 0x20) i++;
        int start = i;
        while (i < length && bytes[i] > 0x20) i++;
        if (i > start) {
            int rc = token(context, 0, text + start, i - start, start, i);
            if (rc != SQLITE_OK) return rc;
        }
    }
    return SQLITE_OK;
}

static fts5_tokenizer search_tokenizer = { create_tokenizer, delete_tokenizer, tokenize };

/// FTS5 hands its API out as a pointer bound to "SELECT fts5(?1)".
static fts5_api *fts5_of(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    sqlite3_finalize(statement);
    return api;
}

int kiosque_register_search_tokenizer(sqlite3 *db) {
    fts5_api *api = fts5_of(db);
    if (api == NULL || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateTokenizer(api, "kiosque_terms", NULL, &search_tokenizer, NULL);
}
