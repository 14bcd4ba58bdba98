#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "SearchTokenizer.h"
#include "FTS5Access.h"

/// The tokenizer keeps no state: any non-null pointer will do as instance.
static int create_tokenizer(void *context, const char **arguments, int count, Fts5Tokenizer **out) {
    (void)context; (void)arguments;
    if (count != 0) return SQLITE_ERROR;   // it takes no options
    *out = (Fts5Tokenizer *)&create_tokenizer;
    return SQLITE_OK;
}

static void delete_tokenizer(Fts5Tokenizer *tokenizer) { (void)tokenizer; }

/// Where the term starting at `i` ends: the first byte at or below a space
/// (or the text's end). Eight bytes are tested at once, as a 64-bit word:
/// a byte below 0x21 borrows from its high bit, which the word then marks;
/// a borrow can also mark bytes after it, never before, so the first mark
/// is exact. Bytes of accented letters (0x80 and up) are never marked.
/// A term is seven bytes on average and every term of every article
/// passes here: byte by byte, a thirtieth of an import's instructions.
static int term_end(const unsigned char *bytes, int i, int length) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (i + 8 <= length) {
        uint64_t word;
        memcpy(&word, bytes + i, 8);
        uint64_t marked = (word - 0x2121212121212121ULL) & ~word & 0x8080808080808080ULL;
        if (marked != 0) return i + (__builtin_ctzll(marked) >> 3);
        i += 8;
    }
#endif
    while (i < length && bytes[i] > 0x20) i++;
    return i;
}

static int tokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
                    int (*token)(void *context, int flags, const char *token, int length, int start, int end)) {
    (void)tokenizer; (void)flags;
    const unsigned char *bytes = (const unsigned char *)text;
    int i = 0;
    while (i < length) {
        while (i < length && bytes[i] <= 0x20) i++;
        int start = i;
        i = term_end(bytes, i, length);
        if (i > start) {
            int rc = token(context, 0, text + start, i - start, start, i);
            if (rc != SQLITE_OK) return rc;
        }
    }
    return SQLITE_OK;
}

static fts5_tokenizer search_tokenizer = { create_tokenizer, delete_tokenizer, tokenize };

int kiosque_register_search_tokenizer(sqlite3 *db) {
    fts5_api *api = kiosque_fts5_of(db);
    if (api == NULL || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateTokenizer(api, "kiosque_terms", NULL, &search_tokenizer, NULL);
}
