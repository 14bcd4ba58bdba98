#ifndef KIOSQUE_HTTP_FETCH_H
#define KIOSQUE_HTTP_FETCH_H

#include <stddef.h>

/// libcurl could not be loaded (see kiosque_http_get).
#define KIOSQUE_HTTP_NO_LIBRARY (-1)
/// The body was larger than allowed.
#define KIOSQUE_HTTP_TOO_LARGE (-2)

/// One HTTP answer, or why there is none.
typedef struct {
    /// 0 when an answer came; else libcurl's error code, or one of the
    /// KIOSQUE_HTTP_ codes above.
    int failure;
    /// curl's words for the failure, when it has some.
    char message[256];
    long status;
    /// The body, decoded when it came compressed (malloc'd).
    char *body;
    size_t body_length;
    /// The answer's header lines as they came, CRLF and all (malloc'd).
    char *headers;
    size_t headers_length;
    /// Where a redirect points, made absolute (malloc'd); NULL otherwise.
    char *redirect;
} kiosque_http_answer;

/// One GET of `url` (http or https only), redirects not followed, gzip
/// asked for and undone. `headers` are whole lines ("Name: value").
/// `timeout`: seconds to connect, and seconds without a byte before giving
/// up; the whole exchange gets three times as long.
///
/// libcurl is loaded on the first call rather than linked: its library and
/// the forty it needs (TLS, Kerberos, LDAP...) took 11 ms to load and set
/// up at every start of kiosque, for the few commands that fetch.
void kiosque_http_get(const char *url, const char *const *headers, int header_count, long timeout,
                      size_t max_body, kiosque_http_answer *answer);

/// Frees what an answer holds.
void kiosque_http_answer_free(kiosque_http_answer *answer);

#endif
