#ifndef KIOSQUE_CHYPHEN_SHIM_H
#define KIOSQUE_CHYPHEN_SHIM_H
#include <hyphen.h>
#include <stdlib.h>

// Hyphenation points of one lowercase UTF-8 word: hyphens[i] is odd when a
// hyphen may follow byte i. Alternative spellings (rep/pos/cut) are freed
// here: kiosque only uses plain break points.
static inline int kiosque_hyphenate(HyphenDict *dict, const char *word, int size, char *hyphens) {
    char **rep = NULL;
    int *pos = NULL;
    int *cut = NULL;
    int status = hnj_hyphen_hyphenate2(dict, word, size, hyphens, NULL, &rep, &pos, &cut);
    if (rep != NULL) {
        for (int i = 0; i < size; i++) free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    return status;
}
#endif
