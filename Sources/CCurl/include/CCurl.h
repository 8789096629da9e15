// libcurl, loaded when a schedule is first fetched by URL rather than linked into confdash.
//
// Linking it (as Foundation's URLSession does on Linux) makes every start of the program,
// `confdash --version` included, load libcurl and the ~35 libraries it needs (TLS, HTTP/2,
// Kerberos, LDAP, IDN…): 12 ms of a 17 ms start (issue 13). Here it is opened with dlopen the
// first time a URL is fetched; without libcurl on the machine only fetching fails, with a
// message saying so.
#ifndef CCURL_H
#define CCURL_H

#include <stddef.h>

/// Receives a part of the body, or one header line: `size` × `count` bytes (libcurl's write
/// and header callbacks). Returns `size` × `count` to go on; anything else stops the transfer
/// (libcurl then reports a write error).
typedef size_t (*confdash_curl_data)(char *data, size_t size, size_t count, void *context);

typedef struct {
    const char *url;
    const char *user_agent;
    /// Extra request headers, "Name: value" each.
    const char *const *headers;
    int header_count;
    /// Asked for, and undone when the server uses it ("gzip, deflate").
    const char *accept_encoding;
    long connect_timeout_ms;
    long total_timeout_ms;
    /// Less than one byte a second for this long stops the transfer (a stalled server).
    long stall_seconds;
    confdash_curl_data on_body;
    confdash_curl_data on_header;
    void *context;
} confdash_curl_request;

typedef struct {
    /// libcurl's CURLcode (0: the exchange went through); -1 when libcurl could not be loaded.
    int code;
    /// The HTTP status of the response.
    long status;
    /// Where a redirect points (CURLINFO_REDIRECT_URL), malloc'd, or NULL. The caller frees it.
    char *redirect_url;
    /// What went wrong, in libcurl's words (or why it could not be loaded).
    char message[512];
} confdash_curl_result;

/// One request, no redirect followed (the caller decides). Thread-safe.
void confdash_curl_perform(const confdash_curl_request *request, confdash_curl_result *result);

#endif
