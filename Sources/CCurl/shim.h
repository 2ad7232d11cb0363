// libcurl for Swift: curl_easy_setopt and curl_easy_getinfo are variadic C functions, which
// Swift cannot call, so each argument type gets a static inline wrapper here.
#include <curl/curl.h>

static inline CURLcode smsgw_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode smsgw_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode smsgw_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode smsgw_curl_setopt_size(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Writes nothing: the answer's body is not needed, only its status code (without a write
/// callback libcurl writes the body to stdout).
static size_t smsgw_curl_discard(char *data, size_t size, size_t count, void *context) {
    (void)data; (void)context;
    return size * count;
}

static inline CURLcode smsgw_curl_discard_body(CURL *handle) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, smsgw_curl_discard);
}

static inline CURLcode smsgw_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode smsgw_curl_setopt_buffer(CURL *handle, CURLoption option, char *value) {
    return curl_easy_setopt(handle, option, value);
}
