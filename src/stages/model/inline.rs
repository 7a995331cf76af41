//! Pictures written into pages and stories (`![The front desk](/images/desk.jpg)`,
//! a file in `content/images/`): published like the site's other pictures
//! (no metadata, hashed names, responsive widths), their `<img>` rewritten
//! with `srcset`, `width`/`height` and lazy loading.

use super::picture::Pictures;

/// The attributes heropath writes itself on a rewritten `<img>`.
const OWN: [&str; 7] = [
    "src", "srcset", "sizes", "width", "height", "loading", "decoding",
];

/// An `<img>` tag: where it starts and ends, and its attributes.
type ImgTag<'a> = (usize, usize, Vec<(&'a str, &'a str)>);

/// The `<img>` tags of sanitised HTML (attribute values double-quoted,
/// `"` never inside one): (start, end, attributes).
fn img_tags(html: &str) -> Vec<ImgTag<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = html[from..].find("<img") {
        let start = from + i;
        let Some(len) = html[start..].find('>') else {
            break;
        };
        let end = start + len + 1;
        let inner = &html[start + 4..end - 1];
        out.push((start, end, attributes(inner)));
        from = end;
    }
    out
}

/// `name="value"` pairs of a tag's inside.
fn attributes(mut s: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start_matches([' ', '/']);
        let Some(eq) = s.find("=\"") else { break };
        let name = s[..eq].trim();
        let rest = &s[eq + 2..];
        let Some(close) = rest.find('"') else { break };
        out.push((name, &rest[..close]));
        s = &rest[close + 1..];
    }
    out
}

/// The file of `content/images/` a picture's `src` names, if it is one.
fn local_name<'a>(src: &'a str, base_path: &str) -> Option<&'a str> {
    src.strip_prefix(base_path)?.strip_prefix("images/")
}

/// The files of `content/images/` that sanitised HTML shows.
pub fn img_names(html: &str, base_path: &str) -> Vec<String> {
    img_tags(html)
        .into_iter()
        .filter_map(|(_, _, attrs)| {
            let src = attrs.iter().find(|(n, _)| *n == "src")?.1;
            local_name(src, base_path).map(str::to_string)
        })
        .collect()
}

/// Sanitised HTML with its pictures of `content/images/` pointing at the
/// published files; other attributes (alt, title) kept as they were.
pub fn rewrite_imgs(html: &str, base_path: &str, pictures: &Pictures) -> String {
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for (start, end, attrs) in img_tags(html) {
        let src = attrs.iter().find(|(n, _)| *n == "src").map(|a| a.1);
        let Some(pic) = src
            .and_then(|s| local_name(s, base_path))
            .and_then(|name| pictures.get(name, ""))
        else {
            continue;
        };
        out.push_str(&html[last..start]);
        out.push_str(&format!("<img src=\"{}\"", pic.src));
        if !pic.srcset.is_empty() {
            out.push_str(&format!(
                " srcset=\"{}\" sizes=\"(min-width: 48rem) 42rem, 100vw\"",
                pic.srcset
            ));
        }
        out.push_str(&format!(
            " width=\"{}\" height=\"{}\" loading=\"lazy\" decoding=\"async\"",
            pic.width, pic.height
        ));
        for (name, value) in attrs.iter().filter(|(n, _)| !OWN.contains(n)) {
            out.push_str(&format!(" {name}=\"{value}\""));
        }
        out.push('>');
        last = end;
    }
    out.push_str(&html[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_local_pictures_only() {
        let html = r#"<p><img src="/clinic/images/desk.jpg" alt="The desk"> <img src="/clinic/img/x.png" alt=""></p>"#;
        assert_eq!(img_names(html, "/clinic/"), vec!["desk.jpg".to_string()]);
        assert!(img_names(html, "/").is_empty());
    }

    #[test]
    fn unknown_pictures_are_left_alone() {
        let html = r#"<img src="/images/none.jpg" alt="a &quot;b&quot;">"#;
        assert_eq!(rewrite_imgs(html, "/", &Pictures::default()), html);
    }
}
