// Exact bodies the simulated web servers send. Byte counts matter: they show up in
// Content-Length, in access logs and in curl -v, so these strings are kept verbatim.

/** nginx's docs/html/index.html up to 1.20 (612 bytes). */
export const NGINX_WELCOME_OLD = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`

/** nginx's docs/html/index.html from 1.21 on (615 bytes, adds color-scheme). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`

/** nginx's built-in error page (ngx_http_special_response.c): CRLF line ends, server tail. */
export function nginxErrorPage(status: number, reason: string, serverTail: string): string {
  const title = `${status} ${reason}`
  return (
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n` +
    `<hr><center>${serverTail}</center>\r\n</body>\r\n</html>\r\n`
  )
}

/** Apache httpd's htdocs/index.html of the official image (45 bytes). */
export const HTTPD_IT_WORKS = '<html><body><h1>It works!</h1></body></html>\n'

/** Apache httpd 2.4's 404 body (mod_core default error document). */
export function httpdNotFound(path: string): string {
  return (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n' +
    '<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n' +
    `<p>The requested URL ${path} was not found on this server.</p>\n</body></html>\n`
  )
}

/**
 * The page of anshuldevops/magicalnginx: a small page naming the pod that served it, so that
 * load balancing across pods is visible from curl. (Our own stable rendition.)
 */
export function magicalNginxPage(podName: string, podIP: string): string {
  return `<!DOCTYPE html>
<html>
<head>
<title>Magical Nginx</title>
</head>
<body>
<h1>Magical Nginx</h1>
<p>This page was served by pod <b>${podName}</b> (${podIP}).</p>
<p>Refresh to see another pod answer through the Service.</p>
</body>
</html>
`
}
