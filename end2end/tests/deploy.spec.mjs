// The release build as real web servers publish it: Debian's nginx, configured with deploy/nginx/,
// and Debian's Apache, with deploy/apache/way-out.conf as the folder's `.htaccess` and in its
// <Directory> (each a foreground instance of our own, on a free port, with its own prefix and
// temporary folders; never the system service), serving ../dist under a sub-path as a
// newsroom would. The page,
// its embed version, every file they load or link to, the social card and the oEmbed file work
// there, with no 404 and a clean console, and each kind of file gets the documented headers.
// The build must have been made with the suite's site URL (scripts/test:
// WAY_OUT_SITE_URL=https://example.org/news/2015/a-way-out/): the page's absolute links name it,
// and the test follows them to the same path on this server.
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect, CONTENT, waitInteractive } from "./fixtures.mjs";
import { freePort, requireFile, startGroup, stopGroup, temporaryFolder, waitUntil } from "../engines/processes.mjs";
import { isPolicyWithStyleHash } from "../serve.mjs";

/** The build the suite tests (playwright.config.mjs): ../dist, or WAY_OUT_E2E_DIST (from end2end/). */
const DIST = `${resolve(fileURLToPath(new URL("../", import.meta.url)), process.env.WAY_OUT_E2E_DIST ?? "../dist")}/`;
const DEPLOY = fileURLToPath(new URL("../../deploy/nginx/", import.meta.url));
const NGINX = "/usr/sbin/nginx";
const BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";
const APACHE_RULES = fileURLToPath(new URL("../../deploy/apache/way-out.conf", import.meta.url));
const APACHE = "/usr/sbin/apache2";
const APACHE_MODULES = "/usr/lib/apache2/modules";
/** Where the suite's build says it is published, and the same path on the test's server. */
const SITE = "https://example.org/news/2015/a-way-out/";
const PATH = "/news/2015/a-way-out/";

// The servers' header (deploy/nginx/way-out.conf, deploy/apache/way-out.conf): the page's policy, with inline styles left to the page's
// own <meta>, which allows only its stylesheet's hash (checked below).
const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";
const IMMUTABLE = "public, max-age=31536000, immutable";

/** An nginx.conf that serves the build at PATH with the deploy/ snippets, all inside `prefix`. */
function nginxConf(prefix, port) {
  return `
load_module ${BROTLI_MODULE};
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  server {
    listen 127.0.0.1:${port};
    location ${PATH} {
      alias ${DIST};
      include ${DEPLOY}way-out.conf;
      include ${DEPLOY}way-out-brotli.conf;
    }
    location = ${PATH.slice(0, -1)} { absolute_redirect off; return 301 $uri/$is_args$args; }
  }
}
`;
}

/**
 * An Apache configuration with Debian's defaults where they matter here (the modules that
 * `a2enmod headers rewrite` leaves enabled, `.ht*` files refused, FollowSymLinks), serving
 * `dist` at PATH with the rules in its <Directory> (`rules`: "included"), or in its `.htaccess`,
 * allowed what docs/deploy.md asks of a host.
 */
function apacheConf(prefix, port, dist, rules) {
  const modules = ["mpm_event", "authz_core", "mime", "headers", "rewrite", "dir", "alias"];
  // Started as root, Apache hands its workers to another user, which must read the copy.
  const user = process.getuid?.() === 0 ? "User nobody\nGroup nogroup" : "";
  return `
ServerRoot ${prefix}
DefaultRuntimeDir ${prefix}
PidFile ${prefix}/apache.pid
ErrorLog ${prefix}/error.log
LogLevel warn
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
${user}
${modules.map((name) => `LoadModule ${name}_module ${APACHE_MODULES}/mod_${name}.so`).join("\n")}
TypesConfig /etc/mime.types
# As Debian's mime.conf has them: a .gz typed, a .br taken for Breton.
AddType application/x-gzip .gz .tgz
AddLanguage br .br
DirectoryIndex index.html
DocumentRoot ${prefix}/empty
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<FilesMatch "^\\.ht">
  Require all denied
</FilesMatch>
Alias ${PATH.slice(0, -1)} ${dist}
<Directory ${dist}>
  Options FollowSymLinks
  Require all granted
  ${rules === "included" ? `AllowOverride None\n  Include ${APACHE_RULES}` : "AllowOverride FileInfo"}
</Directory>
`;
}

/** Fails unless `path` can be read, naming the Debian package that installs it. */
function requireReadable(path, debianPackage) {
  try {
    readFileSync(path);
  } catch {
    throw new Error(`${path} is missing: install it with \`apt-get install ${debianPackage}\``);
  }
}

/** The servers: how each is started in `prefix`, and what each answers in its own way. */
const SERVERS = [
  {
    name: "nginx",
    // Debian's nginx names JavaScript by its older type.
    javascript: "application/javascript; charset=utf-8",
    // A 416 carries the file's lifetime: as true as the file is immutable.
    rangeCache: IMMUTABLE,
    // A path, not a URL: behind a proxy that ends TLS, nginx would write `http://` into a URL.
    bareRedirect: () => `${PATH}?view=table`,
    async start(prefix, port) {
      await requireFile(NGINX, "nginx-light");
      requireReadable(BROTLI_MODULE, "libnginx-mod-http-brotli-static");
      mkdirSync(join(prefix, "tmp"));
      writeFileSync(join(prefix, "nginx.conf"), nginxConf(prefix, port));
      return startGroup(NGINX, ["-p", `${prefix}/`, "-c", `${prefix}/nginx.conf`, "-g", "daemon off;"]);
    },
  },
  ...["htaccess", "included"].map((rules) => ({
    name: rules === "htaccess" ? "Apache, the rules as .htaccess" : "Apache, the rules in <Directory>",
    javascript: "text/javascript; charset=utf-8",
    // An error carries only the headers set `always`: the security ones.
    rangeCache: null,
    // mod_dir's own redirect: a URL on the host asked for (docs/deploy.md: behind a proxy).
    bareRedirect: (origin) => `${origin}${PATH}?view=table`,
    async start(prefix, port) {
      await requireFile(APACHE, "apache2-bin");
      requireReadable("/etc/mime.types", "media-types");
      // A copy of the build, with the rules as its .htaccess where a host allows them there.
      chmodSync(prefix, 0o755);
      const dist = join(prefix, "dist");
      cpSync(DIST, dist, { recursive: true });
      if (rules === "htaccess") copyFileSync(APACHE_RULES, join(dist, ".htaccess"));
      mkdirSync(join(prefix, "empty"));
      writeFileSync(join(prefix, "apache.conf"), apacheConf(prefix, port, dist, rules));
      return startGroup(APACHE, ["-f", `${prefix}/apache.conf`, "-DFOREGROUND"]);
    },
  })),
];

for (const server of SERVERS) {
  test.describe(server.name, () => {
    let child;
    let origin;
    let removeFolder;

    test.beforeAll(async () => {
      const prefix = mkdtempSync(join(tmpdir(), `way-out-${server.name.split(",")[0].toLowerCase()}-`));
      removeFolder = temporaryFolder(prefix);
      const port = await freePort();
      child = await server.start(prefix, port);
      origin = `http://127.0.0.1:${port}`;
      await waitUntil(async () => (await fetch(`${origin}${PATH}`)).ok, {
        what: `${server.name} at ${origin}${PATH} (${child.output})`,
      });
    });

    test.afterAll(async () => {
      await stopGroup(child);
      removeFolder?.();
    });

    defineTests(server, () => origin);
  });
}

/** The `content`/`href` of the head's tag matching `selector`. */
async function headValue(page, selector, attribute) {
  const value = await page.locator(selector).getAttribute(attribute);
  expect(value, selector).not.toBeNull();
  return value;
}

/** Every same-origin URL the page names: links, scripts, styles (noscript's too), anchors. */
async function namedUrls(page) {
  return page.evaluate(() => {
    const urls = [];
    for (const element of document.querySelectorAll("[href], [src]")) {
      const url = new URL(element.getAttribute("href") ?? element.getAttribute("src"), document.baseURI);
      if (url.origin === location.origin) urls.push(url.href.split("#")[0]);
    }
    // The actions' module, which the loader imports on demand.
    const actions = document.querySelector('meta[name="way-out-actions"]');
    if (actions) urls.push(new URL(actions.content, document.baseURI).href);
    // Inside <noscript> (the page is parsed with scripting on, so its content is text).
    for (const noscript of document.querySelectorAll("noscript")) {
      for (const match of noscript.textContent.matchAll(/href="([^"]+)"/g)) urls.push(new URL(match[1], document.baseURI).href);
    }
    return [...new Set(urls)];
  });
}

/** The tests, the same for each server; `originOf()` is its origin once started. */
function defineTests(server, originOf) {
  /** The test server's URL for an absolute URL of the site (or a path under it). */
  const local = (url) => {
    if (!url.startsWith(SITE)) throw new Error(`${url} is not under ${SITE}: build with WAY_OUT_SITE_URL=${SITE}`);
    return `${originOf()}${PATH}${url.slice(SITE.length)}`;
  };

  for (const file of ["", "embed.html"]) {
    test(`${file || "the page"} under ${PATH}: the app starts, every file it names loads, no 404`, async ({ page }) => {
      const failures = [];
      page.on("response", (response) => {
        if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
      });
      page.on("requestfailed", (request) => failures.push(`failed ${request.url()}`));
      await page.goto(`${originOf()}${PATH}${file}`);
      await waitInteractive(page);
      // The stylesheet inside the page applies under both policies (a refused one would also be a
      // console error): the page's own, which allows it by its hash, and the server's.
      const { policy, accent } = await page.evaluate(() => ({
        policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
        accent: getComputedStyle(document.documentElement).getPropertyValue("--accent").trim(),
      }));
      expect(isPolicyWithStyleHash(policy), policy).toBe(true);
      expect(accent).toMatch(/^#[0-9a-f]{6}$/);
      const urls = await namedUrls(page);
      expect(urls.some((url) => /noscript-[0-9a-f]{8,16}\.css$/.test(url)), "a content-hashed noscript.css").toBe(true);
      expect(urls.some((url) => /actions-[0-9a-f]{8,16}\.js$/.test(url)), "a content-hashed actions module").toBe(true);
      expect(urls.length).toBeGreaterThan(4);
      for (const url of urls) {
        const response = await fetch(url);
        expect(response.status, url).toBe(200);
      }
      // The actions' module comes when the pointer reaches their row, and Share runs from it.
      await page.getByRole("button", { name: "Share", exact: true }).hover();
      await page.getByRole("button", { name: "Share", exact: true }).click();
      await expect(page.locator(".action-status")).toHaveText(/^(Copied: the link to this view of the chart\.|Copy the link below\.)$/);
      expect(failures).toEqual([]);
    });
  }

  test("the page's links and downloads work under the sub-path", async ({ page }) => {
    await page.goto(`${originOf()}${PATH}`);
    await waitInteractive(page);
    for (const name of ["Get the data (CSV)", "Download image (PNG)"]) {
      const control = page.getByRole("link", { name }).or(page.getByRole("button", { name }));
      const [download] = await Promise.all([page.waitForEvent("download"), control.click()]);
      expect(download.suggestedFilename(), name).toMatch(new RegExp(`^${CONTENT.chart.slug}\\.(csv|png)$`));
      expect(await download.failure(), name).toBeNull();
    }
  });

  test("the sharing tags are absolute, and the social card is a 1200 × 630 picture of the story", async ({ page }) => {
    await page.goto(`${originOf()}${PATH}`);
    expect(await headValue(page, 'meta[property="og:url"]', "content")).toBe(SITE);
    expect(await headValue(page, 'link[rel="canonical"]', "href")).toBe(SITE);
    expect(await headValue(page, 'meta[name="twitter:card"]', "content")).toBe("summary_large_image");
    const alt = await headValue(page, 'meta[property="og:image:alt"]', "content");
    expect(alt.startsWith(`${CONTENT.chart.title}. The number of ${CONTENT.chart.unit} rose from 15`), alt).toBe(true);
    const image = await headValue(page, 'meta[property="og:image"]', "content");
    expect(image).toMatch(/^https:\/\/example\.org\/news\/2015\/a-way-out\/card-[0-9a-f]{8,16}\.png$/);

    // Decoded by the browser: its size, and what it shows where (shares written by hand from the
    // card's layout: the headline's dark type at the top, the chart's drawing in the middle).
    const picture = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      context.drawImage(img, 0, 0);
      const share = (top, bottom, test) => {
        const { data } = context.getImageData(0, top, canvas.width, bottom - top);
        let hits = 0;
        for (let i = 0; i < data.length; i += 4) if (test(data[i], data[i + 1], data[i + 2])) hits++;
        return hits / (data.length / 4);
      };
      return {
        width: img.naturalWidth,
        height: img.naturalHeight,
        headlineDark: share(50, 180, (r, g, b) => r < 80 && g < 80 && b < 80),
        chartDrawn: share(260, 560, (r, g, b) => r < 235 || g < 235 || b < 235),
      };
    }, local(image));
    expect([picture.width, picture.height]).toEqual([1200, 630]);
    expect(picture.headlineDark, "dark headline type").toBeGreaterThan(0.05);
    expect(picture.chartDrawn, "the chart's drawing").toBeGreaterThan(0.08);
    const bytes = (await (await fetch(local(image))).arrayBuffer()).byteLength;
    expect(bytes, "card bytes").toBeLessThan(100_000);
  });

  test("oEmbed: the page names its JSON, a rich embed of the copied embed code", async ({ page }) => {
    await page.goto(`${originOf()}${PATH}`);
    const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
    expect(await link.getAttribute("title")).toBe(CONTENT.chart.title);
    const href = await link.getAttribute("href");
    expect(href).toBe(`${SITE}oembed.json`);
    const response = await fetch(local(href));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const oembed = await response.json();
    expect(oembed).toMatchObject({
      version: "1.0",
      type: "rich",
      title: CONTENT.chart.title,
      provider_name: "example.org",
      provider_url: "https://example.org/",
      thumbnail_url: await headValue(page, 'meta[property="og:image"]', "content"),
      thumbnail_width: 1200,
      thumbnail_height: 630,
    });
    expect(oembed.width).toBeGreaterThan(0);
    expect(oembed.height).toBeGreaterThan(0);
    expect(oembed.html).toContain(`<iframe src="${SITE}embed.html"`);
    // The iframe's page is there.
    const embed = await fetch(local(`${SITE}embed.html`));
    expect(embed.status).toBe(200);
  });

  /** The response headers for `file` under PATH, asking for `encoding`. */
  const headers = async (file, encoding = "identity") => {
    const response = await fetch(`${originOf()}${PATH}${file}`, { headers: { "Accept-Encoding": encoding } });
    expect(response.status, file).toBe(200);
    await response.arrayBuffer();
    return response.headers;
  };

  test("each kind of file gets its documented headers: policy, CORS, CORP, COEP, cache lifetime, type, encoding", async () => {
    const built = readdirSync(DIST);
    const find = (pattern) => {
      const name = built.find((n) => pattern.test(n));
      expect(name, String(pattern)).toBeTruthy();
      return name;
    };
    const kinds = [
      ["", "text/html; charset=utf-8", "no-cache"],
      ["index.html", "text/html; charset=utf-8", "no-cache"],
      ["embed.html", "text/html; charset=utf-8", "no-cache"],
      [find(/^way-out-[0-9a-f]{8,16}_bg\.wasm$/), "application/wasm", IMMUTABLE],
      [find(/^way-out-[0-9a-f]{8,16}\.js$/), server.javascript, IMMUTABLE],
      [find(/^actions-[0-9a-f]{8,16}\.js$/), server.javascript, IMMUTABLE],
      [find(/^noscript-[0-9a-f]{8,16}\.css$/), "text/css; charset=utf-8", IMMUTABLE],
      [find(/^card-[0-9a-f]{8,16}\.png$/), "image/png", IMMUTABLE],
      ["oembed.json", "application/json; charset=utf-8", "public, max-age=300"],
      [`${CONTENT.chart.slug}.csv`, "text/csv; charset=utf-8", "public, max-age=300"],
    ];
    if (built.includes("embed.js")) kinds.push(["embed.js", server.javascript, "public, max-age=300"]);
    for (const [file, type, cache] of kinds) {
      const plain = await headers(file);
      expect(plain.get("content-security-policy"), file).toBe(POLICY);
      expect(plain.get("x-content-type-options"), file).toBe("nosniff");
      expect(plain.get("access-control-allow-origin"), file).toBe("*");
      expect(plain.get("cross-origin-resource-policy"), file).toBe("cross-origin");
      expect(plain.get("cross-origin-embedder-policy"), file).toBe("require-corp");
      expect(plain.get("content-type"), file).toBe(type);
      expect(plain.get("cache-control"), file).toBe(cache);
      expect(plain.get("content-encoding"), file).toBeNull();
    }
    // The precompressed twins, as asked: gzip everywhere, brotli where the module is; never
    // an encoding the client refuses (`q=0`); the encoding's name in any case; and a twin's
    // headers are its file's (no `Content-Language: br` from the `.br`).
    const asked = [
      ["gzip", "gzip"],
      ["br, gzip", "br"],
      ["BR, GZIP", "br"],
      ["br;q=0, gzip", "gzip"],
      ["br; q=0.0, gzip;q=0", null],
      ["gzip;q=0", null],
    ];
    for (const file of ["", find(/_bg\.wasm$/), find(/^way-out-[0-9a-f]{8,16}\.js$/), find(/^loader-[0-9a-f]{8,16}\.js$/)]) {
      for (const [encoding, sent] of asked) {
        const response = await headers(file, encoding);
        expect(response.get("content-encoding"), `${file}: ${encoding}`).toBe(sent);
        expect(response.get("vary"), `${file} vary`).toBe("Accept-Encoding");
        expect(response.get("content-language"), `${file}: ${encoding}`).toBeNull();
      }
    }
    // The PNG is sent as it is.
    expect((await headers(find(/^card-.*\.png$/), "br, gzip")).get("content-encoding")).toBeNull();
  });

  test("an error gets no cache lifetime (a CDN must not keep it), and the address without its last slash redirects", async () => {
    // A hashed name not (yet) uploaded.
    const missing = await fetch(`${originOf()}${PATH}way-out-0123456789abcdef_bg.wasm`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBeNull();
    expect(missing.headers.get("content-security-policy")).toBe(POLICY);
    // A range past the wasm's end: as true as the file is immutable, and its header sent once.
    const wasm = readdirSync(DIST).find((name) => /_bg\.wasm$/.test(name));
    const range = await fetch(`${originOf()}${PATH}${wasm}`, { headers: { Range: "bytes=99999999-", "Accept-Encoding": "identity" } });
    expect(range.status).toBe(416);
    expect(range.headers.get("cache-control")).toBe(server.rangeCache);
    const bare = await fetch(`${originOf()}${PATH.slice(0, -1)}?view=table`, { redirect: "manual" });
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe(server.bareRedirect(originOf()));
  });
}
