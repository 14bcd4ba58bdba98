#include <math.h>
#include <string.h>
#include "SearchRank.h"
#include "FTS5Access.h"

/// BM25's usual constants, those of FTS5's bm25().
static const double k1 = 1.2;
static const double b = 0.75;

/// What a query's rows share, worked out at its first row.
typedef struct {
    int phrases;
    double average_length;   // terms per row, all columns together
    double *rarity;          // per phrase: the inverse document frequency
    double *frequency;       // per phrase, for the row at hand
} RankedQuery;

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *rows) {
    (void)api; (void)fts;
    (*(sqlite3_int64 *)rows)++;
    return SQLITE_OK;
}

static RankedQuery *ranked_query(const Fts5ExtensionApi *api, Fts5Context *fts, int *rc) {
    RankedQuery *query = api->xGetAuxdata(fts, 0);
    if (query != NULL) return query;
    int phrases = api->xPhraseCount(fts);
    query = sqlite3_malloc64(sizeof(RankedQuery) + sizeof(double) * 2 * (sqlite3_uint64)phrases);
    if (query == NULL) { *rc = SQLITE_NOMEM; return NULL; }
    query->phrases = phrases;
    query->rarity = (double *)(query + 1);
    query->frequency = query->rarity + phrases;
    sqlite3_int64 rows = 0, terms = 0;
    *rc = api->xRowCount(fts, &rows);
    if (*rc == SQLITE_OK) *rc = api->xColumnTotalSize(fts, -1, &terms);
    query->average_length = rows > 0 ? (double)terms / (double)rows : 1.0;
    for (int phrase = 0; phrase < phrases && *rc == SQLITE_OK; phrase++) {
        if (phrases == 1) {
            query->rarity[phrase] = 1.0;
            break;
        }
        sqlite3_int64 holding = 0;
        *rc = api->xQueryPhrase(fts, phrase, &holding, count_row);
        double rarity = log(((double)(rows - holding) + 0.5) / ((double)holding + 0.5));
        // A phrase in more than half the rows still counts, a little.
        query->rarity[phrase] = rarity > 0 ? rarity : 1e-6;
    }
    if (*rc != SQLITE_OK) {
        sqlite3_free(query);
        return NULL;
    }
    // On failure SQLite frees the query itself.
    *rc = api->xSetAuxdata(fts, query, sqlite3_free);
    return *rc == SQLITE_OK ? query : NULL;
}

static void kiosque_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *result,
                         int count, sqlite3_value **weights) {
    int rc = SQLITE_OK;
    RankedQuery *query = ranked_query(api, fts, &rc);
    if (query == NULL) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    memset(query->frequency, 0, sizeof(double) * (size_t)query->phrases);
    int instances = 0;
    rc = api->xInstCount(fts, &instances);
    for (int i = 0; i < instances && rc == SQLITE_OK; i++) {
        int phrase, column, offset;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK) {
            query->frequency[phrase] += column < count ? sqlite3_value_double(weights[column]) : 1.0;
        }
    }
    int length = 0;
    if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    double damping = k1 * (1 - b + b * (double)length / query->average_length);
    double score = 0;
    for (int phrase = 0; phrase < query->phrases; phrase++) {
        double frequency = query->frequency[phrase];
        score += query->rarity[phrase] * frequency * (k1 + 1) / (frequency + damping);
    }
    sqlite3_result_double(result, -score);
}

int kiosque_register_search_rank(sqlite3 *db) {
    fts5_api *api = kiosque_fts5_of(db);
    if (api == NULL || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateFunction(api, "kiosque_rank", NULL, kiosque_rank, NULL);
}
