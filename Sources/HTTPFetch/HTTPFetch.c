// curl.h's type-checking macros would rename the calls made through the
// pointers below.
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "HTTPFetch.h"

/// The part of libcurl used here, found in the library once loaded.
static struct {
    int loaded;
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;

#define FIND(library, name, field) \
    if ((*(void **)&curl.field = dlsym(library, name)) == NULL) return;

static void load(void) {
    // Debian's two builds of libcurl, OpenSSL's first.
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) library = dlopen("libcurl-gnutls.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
    CURLcode (*global_init)(long);
    if ((*(void **)&global_init = dlsym(library, "curl_global_init")) == NULL) return;
    FIND(library, "curl_easy_init", easy_init)
    FIND(library, "curl_easy_setopt", easy_setopt)
    FIND(library, "curl_easy_perform", easy_perform)
    FIND(library, "curl_easy_getinfo", easy_getinfo)
    FIND(library, "curl_easy_cleanup", easy_cleanup)
    FIND(library, "curl_easy_strerror", easy_strerror)
    FIND(library, "curl_slist_append", slist_append)
    FIND(library, "curl_slist_free_all", slist_free_all)
    // Not thread-safe in older libcurl: once, here, before any handle.
    if (global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return;
    curl.loaded = 1;
}

typedef struct {
    char *bytes;
    size_t length;
    size_t capacity;
    size_t limit;
    int overflowed;
} buffer;

static int append(buffer *into, const char *bytes, size_t count) {
    if (count > into->limit - into->length) {
        into->overflowed = 1;
        return 0;
    }
    if (into->length + count > into->capacity) {
        size_t capacity = into->capacity ? into->capacity : 16384;
        while (capacity < into->length + count) capacity *= 2;
        char *grown = realloc(into->bytes, capacity);
        if (grown == NULL) return 0;
        into->bytes = grown;
        into->capacity = capacity;
    }
    memcpy(into->bytes + into->length, bytes, count);
    into->length += count;
    return 1;
}

static size_t on_body(char *bytes, size_t size, size_t count, void *context) {
    return append(context, bytes, size * count) ? size * count : 0;
}

static size_t on_header(char *bytes, size_t size, size_t count, void *context) {
    buffer *headers = context;
    // A status line starts the headers of another answer (after a
    // "100 Continue"): only the last answer's are kept.
    if (size * count >= 5 && memcmp(bytes, "HTTP/", 5) == 0) headers->length = 0;
    return append(headers, bytes, size * count) ? size * count : 0;
}

static void fail(kiosque_http_answer *answer, int failure, const char *message) {
    answer->failure = failure;
    if (message != NULL && answer->message[0] == '\0') {
        strncpy(answer->message, message, sizeof answer->message - 1);
    }
}

void kiosque_http_get(const char *url, const char *const *headers, int header_count, long timeout,
                      size_t max_body, kiosque_http_answer *answer) {
    memset(answer, 0, sizeof *answer);
    pthread_once(&load_once, load);
    if (!curl.loaded) {
        fail(answer, KIOSQUE_HTTP_NO_LIBRARY, NULL);
        return;
    }
    CURL *handle = curl.easy_init();
    if (handle == NULL) {
        fail(answer, CURLE_FAILED_INIT, NULL);
        return;
    }
    struct curl_slist *lines = NULL;
    for (int i = 0; i < header_count; i++) {
        struct curl_slist *longer = curl.slist_append(lines, headers[i]);
        if (longer == NULL) break;
        lines = longer;
    }
    buffer body = { .limit = max_body };
    buffer head = { .limit = 1 << 20 };
    curl.easy_setopt(handle, CURLOPT_URL, url);
    curl.easy_setopt(handle, CURLOPT_HTTPGET, 1L);
    curl.easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    // Only the web: no file://, no other protocol a hostile address names.
    if (curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https") != CURLE_OK) {
        curl.easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    }
    // Threads fetch side by side: no signals for timeouts.
    curl.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl.easy_setopt(handle, CURLOPT_HTTPHEADER, lines);
    curl.easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, timeout);
    curl.easy_setopt(handle, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl.easy_setopt(handle, CURLOPT_LOW_SPEED_TIME, timeout);
    curl.easy_setopt(handle, CURLOPT_TIMEOUT, timeout * 3);
    curl.easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_body);
    curl.easy_setopt(handle, CURLOPT_WRITEDATA, &body);
    curl.easy_setopt(handle, CURLOPT_HEADERFUNCTION, on_header);
    curl.easy_setopt(handle, CURLOPT_HEADERDATA, &head);
    curl.easy_setopt(handle, CURLOPT_ERRORBUFFER, answer->message);

    CURLcode result = curl.easy_perform(handle);
    if (body.overflowed) {
        answer->message[0] = '\0';
        fail(answer, KIOSQUE_HTTP_TOO_LARGE, NULL);
    } else if (result != CURLE_OK) {
        fail(answer, result, curl.easy_strerror(result));
    } else {
        curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &answer->status);
        char *redirect = NULL;
        if (curl.easy_getinfo(handle, CURLINFO_REDIRECT_URL, &redirect) == CURLE_OK && redirect != NULL) {
            answer->redirect = strdup(redirect);
        }
    }
    answer->body = body.bytes;
    answer->body_length = body.length;
    answer->headers = head.bytes;
    answer->headers_length = head.length;
    curl.easy_cleanup(handle);
    curl.slist_free_all(lines);
}

void kiosque_http_answer_free(kiosque_http_answer *answer) {
    free(answer->body);
    free(answer->headers);
    free(answer->redirect);
    answer->body = answer->headers = answer->redirect = NULL;
}
