// libcurl for Swift, loaded lazily: smsgw-ingressd opens libcurl.so.4 with dlopen(3) at its
// first webhook or Kannel dlr-url call (a box that uses neither never maps libcurl and its TLS
// libraries, ~5 MiB of RSS). Only the headers come from libcurl's dev package (types, option
// and error constants); nothing links against libcurl.
//
// The Swift side (Webhooks' CurlLibrary) looks each function up with dlsym and passes the
// pointer to these wrappers, which call it with its real C prototype: curl_easy_setopt and
// curl_easy_getinfo are variadic, which Swift can neither call nor express as a function type,
// so each argument type gets its own wrapper and C makes the variadic call correctly.
#include <curl/curl.h>
#include <dlfcn.h>
#include <stddef.h>

typedef CURLcode (*smsgw_curl_setopt_fn)(CURL *, CURLoption, ...);
typedef CURLcode (*smsgw_curl_getinfo_fn)(CURL *, CURLINFO, ...);

static inline CURLcode smsgw_curl_global_init(void *fn, long flags) {
    return ((CURLcode (*)(long))fn)(flags);
}

static inline CURL *smsgw_curl_easy_init(void *fn) {
    return ((CURL *(*)(void))fn)();
}

static inline void smsgw_curl_easy_call(void *fn, CURL *handle) {
    ((void (*)(CURL *))fn)(handle);
}

static inline CURLcode smsgw_curl_easy_perform(void *fn, CURL *handle) {
    return ((CURLcode (*)(CURL *))fn)(handle);
}

static inline const char *smsgw_curl_easy_strerror(void *fn, CURLcode code) {
    return ((const char *(*)(CURLcode))fn)(code);
}

static inline struct curl_slist *smsgw_curl_slist_append(void *fn, struct curl_slist *list, const char *text) {
    return ((struct curl_slist *(*)(struct curl_slist *, const char *))fn)(list, text);
}

static inline void smsgw_curl_slist_free_all(void *fn, struct curl_slist *list) {
    ((void (*)(struct curl_slist *))fn)(list);
}

static inline CURLcode smsgw_curl_setopt_long(void *fn, CURL *handle, CURLoption option, long value) {
    return ((smsgw_curl_setopt_fn)fn)(handle, option, value);
}

static inline CURLcode smsgw_curl_setopt_string(void *fn, CURL *handle, CURLoption option, const char *value) {
    return ((smsgw_curl_setopt_fn)fn)(handle, option, value);
}

static inline CURLcode smsgw_curl_setopt_slist(void *fn, CURL *handle, CURLoption option, struct curl_slist *value) {
    return ((smsgw_curl_setopt_fn)fn)(handle, option, value);
}

static inline CURLcode smsgw_curl_setopt_size(void *fn, CURL *handle, CURLoption option, curl_off_t value) {
    return ((smsgw_curl_setopt_fn)fn)(handle, option, value);
}

static inline CURLcode smsgw_curl_setopt_buffer(void *fn, CURL *handle, CURLoption option, char *value) {
    return ((smsgw_curl_setopt_fn)fn)(handle, option, value);
}

/// Writes nothing: the answer's body is not needed, only its status code (without a write
/// callback libcurl writes the body to stdout).
static size_t smsgw_curl_discard(char *data, size_t size, size_t count, void *context) {
    (void)data; (void)context;
    return size * count;
}

static inline CURLcode smsgw_curl_discard_body(void *fn, CURL *handle) {
    return ((smsgw_curl_setopt_fn)fn)(handle, CURLOPT_WRITEFUNCTION, smsgw_curl_discard);
}

static inline CURLcode smsgw_curl_getinfo_long(void *fn, CURL *handle, CURLINFO info, long *value) {
    return ((smsgw_curl_getinfo_fn)fn)(handle, info, value);
}
