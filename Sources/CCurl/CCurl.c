#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The few libcurl entry points used, declared here with the values of curl.h (stable ABI since
// libcurl 7.x), so building confdash needs no libcurl headers and running it needs no libcurl
// until a URL is fetched.
typedef void CURL;
struct curl_slist;
enum {
    OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_ERRORBUFFER = 10010, OPT_WRITEFUNCTION = 20011,
    OPT_USERAGENT = 10018, OPT_LOW_SPEED_LIMIT = 19, OPT_LOW_SPEED_TIME = 20, OPT_HTTPHEADER = 10023,
    OPT_HEADERDATA = 10029, OPT_FOLLOWLOCATION = 52, OPT_HEADERFUNCTION = 20079, OPT_NOSIGNAL = 99,
    OPT_ACCEPT_ENCODING = 10102, OPT_TIMEOUT_MS = 155, OPT_CONNECTTIMEOUT_MS = 156,
    INFO_RESPONSE_CODE = 0x200000 + 2, INFO_REDIRECT_URL = 0x100000 + 31,
    GLOBAL_DEFAULT = 3, ERROR_SIZE = 256,
};

static struct {
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_perform)(CURL *);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
    const char *(*easy_strerror)(int);
    char failure[256];
} curl;

static pthread_once_t loaded = PTHREAD_ONCE_INIT;

static void load(void) {
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4", "libcurl.so"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        snprintf(curl.failure, sizeof curl.failure, "libcurl is not installed (libcurl.so.4: %s); install libcurl4 to fetch schedules by URL", dlerror());
        return;
    }
#define FIND(field, symbol) \
    if ((*(void **)&curl.field = dlsym(library, symbol)) == NULL) { \
        snprintf(curl.failure, sizeof curl.failure, "libcurl.so.4 has no %s", symbol); return; }
    FIND(global_init, "curl_global_init")
    FIND(easy_init, "curl_easy_init")
    FIND(easy_setopt, "curl_easy_setopt")
    FIND(easy_perform, "curl_easy_perform")
    FIND(easy_getinfo, "curl_easy_getinfo")
    FIND(easy_cleanup, "curl_easy_cleanup")
    FIND(slist_append, "curl_slist_append")
    FIND(slist_free_all, "curl_slist_free_all")
    FIND(easy_strerror, "curl_easy_strerror")
#undef FIND
    if (curl.global_init(GLOBAL_DEFAULT) != 0) snprintf(curl.failure, sizeof curl.failure, "libcurl did not start (curl_global_init)");
}

void confdash_curl_perform(const confdash_curl_request *request, confdash_curl_result *result) {
    memset(result, 0, sizeof *result);
    pthread_once(&loaded, load);
    if (curl.failure[0] != 0) {
        result->code = -1;
        snprintf(result->message, sizeof result->message, "%s", curl.failure);
        return;
    }
    CURL *handle = curl.easy_init();
    if (handle == NULL) {
        result->code = -1;
        snprintf(result->message, sizeof result->message, "libcurl could not make a request (curl_easy_init)");
        return;
    }
    struct curl_slist *headers = NULL;
    for (int i = 0; i < request->header_count; i++) headers = curl.slist_append(headers, request->headers[i]);
    char error[ERROR_SIZE] = {0};
    curl.easy_setopt(handle, OPT_URL, request->url);
    curl.easy_setopt(handle, OPT_ERRORBUFFER, error);
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, OPT_FOLLOWLOCATION, 0L);
    if (request->user_agent) curl.easy_setopt(handle, OPT_USERAGENT, request->user_agent);
    if (request->accept_encoding) curl.easy_setopt(handle, OPT_ACCEPT_ENCODING, request->accept_encoding);
    if (headers) curl.easy_setopt(handle, OPT_HTTPHEADER, headers);
    curl.easy_setopt(handle, OPT_CONNECTTIMEOUT_MS, request->connect_timeout_ms);
    curl.easy_setopt(handle, OPT_TIMEOUT_MS, request->total_timeout_ms);
    if (request->stall_seconds > 0) {
        curl.easy_setopt(handle, OPT_LOW_SPEED_LIMIT, 1L);
        curl.easy_setopt(handle, OPT_LOW_SPEED_TIME, request->stall_seconds);
    }
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, request->on_body);
    curl.easy_setopt(handle, OPT_WRITEDATA, request->context);
    curl.easy_setopt(handle, OPT_HEADERFUNCTION, request->on_header);
    curl.easy_setopt(handle, OPT_HEADERDATA, request->context);

    result->code = curl.easy_perform(handle);
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &result->status);
    char *location = NULL;
    if (curl.easy_getinfo(handle, INFO_REDIRECT_URL, &location) == 0 && location != NULL) result->redirect_url = strdup(location);
    if (result->code != 0) snprintf(result->message, sizeof result->message, "%s", error[0] ? error : curl.easy_strerror(result->code));
    curl.easy_cleanup(handle);
    curl.slist_free_all(headers);
}
