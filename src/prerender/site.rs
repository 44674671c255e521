//! Where the page will be published: one URL set at build time (`WAY_OUT_SITE_URL`, the folder
//! the built files are served from), which makes the page's sharing links absolute (`og:url`,
//! the canonical link, `og:image`, the oEmbed file and the embed code inside it).

/// The environment variable that gives the site URL.
pub const SITE_URL_VARIABLE: &str = "WAY_OUT_SITE_URL";

/// An `http(s)://host/folder/` URL, always ending in `/`, with nothing in it that would need
/// escaping in HTML or JSON (a hostile value fails the build rather than the page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteUrl(String);

impl SiteUrl {
    pub fn parse(text: &str) -> Result<SiteUrl, String> {
        let refuse = |why: &str| Err(format!("{SITE_URL_VARIABLE}={text:?}: {why}"));
        let Some(rest) = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
        else {
            return refuse("must start with https:// (or http://)");
        };
        let host = rest.split('/').next().unwrap_or("");
        if host.is_empty() || host.contains('@') {
            return refuse("needs a host name (and no user name)");
        }
        let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~/:%!$()*+,;=".contains(c);
        if let Some(c) = text.chars().find(|&c| !allowed(c)) {
            return refuse(&format!(
                "{c:?} is not allowed (no query, fragment, quote or space)"
            ));
        }
        let mut url = text.to_string();
        if !url.ends_with('/') {
            url.push('/');
        }
        Ok(SiteUrl(url))
    }

    /// The folder URL itself (the article page), ending in `/`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The URL of `file` in the folder.
    pub fn join(&self, file: &str) -> String {
        format!("{}{file}", self.0)
    }

    /// `https://host` (with its port, if any).
    pub fn origin(&self) -> &str {
        let after_scheme = self.0.find("://").map_or(0, |i| i + 3);
        let end = self.0[after_scheme..]
            .find('/')
            .map_or(self.0.len(), |i| after_scheme + i);
        &self.0[..end]
    }

    /// The host name, without the port.
    pub fn host(&self) -> &str {
        let origin = self.origin();
        let host = &origin[origin.find("://").map_or(0, |i| i + 3)..];
        host.split(':').next().unwrap_or(host)
    }

    /// The path of the folder, from `/` to its trailing `/`.
    pub fn path(&self) -> &str {
        &self.0[self.origin().len()..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_url_gets_its_trailing_slash_and_splits_into_origin_host_and_path() {
        let site = SiteUrl::parse("https://example.org:8443/news/2015/a-way-out").unwrap();
        assert_eq!(
            site.as_str(),
            "https://example.org:8443/news/2015/a-way-out/"
        );
        assert_eq!(site.origin(), "https://example.org:8443");
        assert_eq!(site.host(), "example.org");
        assert_eq!(site.path(), "/news/2015/a-way-out/");
        assert_eq!(
            site.join("card.png"),
            "https://example.org:8443/news/2015/a-way-out/card.png"
        );
        let root = SiteUrl::parse("http://example.org").unwrap();
        assert_eq!(root.as_str(), "http://example.org/");
        assert_eq!(root.path(), "/");
    }

    #[test]
    fn anything_else_is_refused_with_the_variable_named() {
        for (text, why) in [
            ("example.org/news/", "must start with https://"),
            ("ftp://example.org/", "must start with https://"),
            ("https:///news/", "needs a host name"),
            ("https://me@example.org/", "needs a host name"),
            ("https://example.org/a\"><script>", "'\"' is not allowed"),
            ("https://example.org/?x=1", "'?' is not allowed"),
            ("https://example.org/#top", "'#' is not allowed"),
            ("https://example.org/a b/", "' ' is not allowed"),
        ] {
            let error = SiteUrl::parse(text).unwrap_err();
            assert!(error.starts_with("WAY_OUT_SITE_URL="), "{error}");
            assert!(error.contains(why), "{text}: {error}");
        }
    }
}
