//! The names that are markup vocabulary, not text: HTML, SVG, MathML and
//! feed elements, ARIA states, attributes, and the attributes whose values
//! are program vocabulary (scanned as Code).
//!
//! Not here: tokenizing markup or deciding what to do with a name
//! ([`super::markup`]).

/// `prefix:local` names (XMP's `rdf:li`, `dc:creator`, `xlink:href`) are XML vocabulary.
pub(super) fn qualified(name: &str) -> bool {
    match name.split_once(':') {
        Some((p, l)) => {
            let ok = |s: &str| {
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            };
            ok(p) && ok(l)
        }
        None => false,
    }
}

pub(super) fn block_element(name: &str) -> bool {
    matches!(
        name,
        "address" | "article" | "aside" | "blockquote" | "body" | "br" | "caption" | "dd"
            | "details" | "dialog" | "div" | "dl" | "dt" | "fieldset" | "figcaption" | "figure"
            | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "head" | "header"
            | "hgroup" | "hr" | "html" | "li" | "link" | "main" | "menu" | "meta" | "nav"
            | "noscript" | "ol" | "option" | "p" | "pre" | "script" | "section" | "select"
            | "style" | "summary" | "table" | "tbody" | "td" | "template" | "textarea"
            | "tfoot" | "th" | "thead" | "title" | "tr" | "ul" | "img" | "iframe" | "video"
            | "audio" | "canvas" | "svg" | "math" | "object" | "embed" | "input" | "button"
            | "label" | "legend" | "optgroup" | "picture" | "source" | "track" | "area"
            | "map" | "base" | "col" | "colgroup" 
            // feeds and sitemaps
            | "item" | "entry" | "description" | "content" | "url" | "loc"
            | "channel" | "feed" | "author" | "name" | "email" | "published" | "updated"
            | "pubdate" | "guid" | "category" | "text"
    )
}

pub(super) fn known_element(name: &str) -> bool {
    matches!(
        name,
        // HTML
        "a" | "abbr" | "acronym" | "address" | "applet" | "area" | "article" | "aside" | "audio"
            | "b" | "base" | "basefont" | "bdi" | "bdo" | "bgsound" | "big" | "blink"
            | "blockquote" | "body" | "br" | "button" | "canvas" | "caption" | "center" | "cite"
            | "code" | "col" | "colgroup" | "data" | "datalist" | "dd" | "del" | "details"
            | "dfn" | "dialog" | "dir" | "div" | "dl" | "dt" | "em" | "embed" | "fieldset"
            | "figcaption" | "figure" | "font" | "footer" | "form" | "frame" | "frameset" | "h1"
            | "h2" | "h3" | "h4" | "h5" | "h6" | "head" | "header" | "hgroup" | "hr" | "html"
            | "i" | "iframe" | "image" | "img" | "input" | "ins" | "isindex" | "kbd" | "keygen"
            | "label" | "legend" | "li" | "link" | "listing" | "main" | "map" | "mark"
            | "marquee" | "menu" | "menuitem" | "meta" | "meter" | "multicol" | "nav" | "nextid"
            | "nobr" | "noembed" | "noframes" | "noscript" | "object" | "ol" | "optgroup"
            | "option" | "output" | "p" | "param" | "picture" | "plaintext" | "pre"
            | "progress" | "q" | "rb" | "rp" | "rt" | "rtc" | "ruby" | "s" | "samp" | "script"
            | "search" | "section" | "select" | "slot" | "small" | "source" | "spacer" | "span"
            | "strike" | "strong" | "style" | "sub" | "summary" | "sup" | "table" | "tbody"
            | "td" | "template" | "textarea" | "tfoot" | "th" | "thead" | "time" | "title"
            | "tr" | "track" | "tt" | "u" | "ul" | "var" | "video" | "wbr" | "xmp"
            // SVG (the tokenizer lower-cases names)
            | "altglyph" | "altglyphdef" | "altglyphitem" | "animate" | "animatecolor"
            | "animatemotion" | "animatetransform" | "circle" | "clippath" | "color-profile"
            | "cursor" | "defs" | "desc" | "ellipse" | "feblend" | "fecolormatrix"
            | "fecomponenttransfer" | "fecomposite" | "feconvolvematrix" | "fediffuselighting"
            | "fedisplacementmap" | "fedistantlight" | "fedropshadow" | "feflood" | "fefunca"
            | "fefuncb" | "fefuncg" | "fefuncr" | "fegaussianblur" | "feimage" | "femerge"
            | "femergenode" | "femorphology" | "feoffset" | "fepointlight"
            | "fespecularlighting" | "fespotlight" | "fetile" | "feturbulence" | "filter"
            | "font-face" | "font-face-format" | "font-face-name" | "font-face-src"
            | "font-face-uri" | "foreignobject" | "g" | "glyph" | "glyphref" | "hkern"
            | "line" | "lineargradient" | "marker" | "mask" | "metadata" | "missing-glyph"
            | "mpath" | "path" | "pattern" | "polygon" | "polyline" | "radialgradient"
            | "rect" | "set" | "stop" | "svg" | "switch" | "symbol" | "text" | "textpath"
            | "tref" | "tspan" | "use" | "view" | "vkern"
            // MathML
            | "math" | "maction" | "annotation" | "annotation-xml" | "menclose" | "merror"
            | "mfenced" | "mfrac" | "mglyph" | "mi" | "mlabeledtr" | "mmultiscripts" | "mn"
            | "mo" | "mover" | "mpadded" | "mphantom" | "mprescripts" | "mroot" | "mrow"
            | "ms" | "mspace" | "msqrt" | "mstyle" | "msub" | "msubsup" | "msup" | "mtable"
            | "mtd" | "mtext" | "mtr" | "munder" | "munderover" | "none" | "semantics"
            // RSS, Atom, sitemaps (the XML the site emits)
            | "rss" | "channel" | "item" | "description" | "pubdate" | "lastbuilddate"
            | "guid" | "author" | "category" | "enclosure" | "generator" | "language"
            | "copyright" | "managingeditor" | "webmaster" | "docs" | "ttl" | "comments"
            | "feed" | "entry" | "id" | "updated" | "published" | "rights" | "subtitle"
            | "icon" | "logo" | "name" | "email" | "uri" | "content" | "contributor"
            | "urlset" | "url" | "loc" | "lastmod" | "changefreq" | "priority"
            | "sitemapindex" | "sitemap" | "width" | "height"
    )
}

pub(super) fn known_aria(suffix: &str) -> bool {
    matches!(
        suffix,
        "activedescendant"
            | "atomic"
            | "autocomplete"
            | "braillelabel"
            | "brailleroledescription"
            | "busy"
            | "checked"
            | "colcount"
            | "colindex"
            | "colindextext"
            | "colspan"
            | "controls"
            | "current"
            | "describedby"
            | "description"
            | "details"
            | "disabled"
            | "dropeffect"
            | "errormessage"
            | "expanded"
            | "flowto"
            | "grabbed"
            | "haspopup"
            | "hidden"
            | "invalid"
            | "keyshortcuts"
            | "label"
            | "labelledby"
            | "level"
            | "live"
            | "modal"
            | "multiline"
            | "multiselectable"
            | "orientation"
            | "owns"
            | "placeholder"
            | "posinset"
            | "pressed"
            | "readonly"
            | "relevant"
            | "required"
            | "roledescription"
            | "rowcount"
            | "rowindex"
            | "rowindextext"
            | "rowspan"
            | "selected"
            | "setsize"
            | "sort"
            | "valuemax"
            | "valuemin"
            | "valuenow"
            | "valuetext"
    )
}

/// Attribute names that are markup vocabulary (their values are still scanned).
pub(super) fn known_attr(name: &str) -> bool {
    if qualified(name) || name.starts_with("data-") || name.starts_with("aria-") {
        return true;
    }
    if let Some(ev) = name.strip_prefix("on") {
        return !ev.is_empty() && ev.bytes().all(|b| b.is_ascii_lowercase());
    }
    code_valued_attr(name)
        || matches!(
            name,
            "abbr"
                | "about"
                | "action"
                | "alt"
                | "archive"
                | "cite"
                | "content"
                | "data"
                | "datetime"
                | "download"
                | "formaction"
                | "href"
                | "label"
                | "longdesc"
                | "name"
                | "placeholder"
                | "poster"
                | "resource"
                | "src"
                | "srcdoc"
                | "srcset"
                | "style"
                | "summary"
                | "title"
                | "value"
                | "imagesrcset"
                | "manifest"
                | "background"
                | "codebase"
                | "profile"
                | "ping"
                | "itemid"
                | "standby"
                | "content-desc"
        )
}

/// Attributes whose values are program vocabulary (class names, colours, SVG
/// geometry; not `id`, which becomes a `#fragment` of public URLs): scanned
/// as Code, so `class="text-white"` or `fill="white"` does
/// not trip a patient named White, while a full name there still does.
pub(super) fn code_valued_attr(name: &str) -> bool {
    matches!(
        name,
        "class" | "type" | "rel" | "rev" | "lang" | "dir" | "charset" | "http-equiv"
            | "role" | "target" | "method" | "enctype" | "autocomplete" | "inputmode"
            | "crossorigin" | "referrerpolicy" | "loading" | "decoding" | "fetchpriority" | "as"
            | "media" | "sizes" | "integrity" | "nonce" | "xmlns" | "property" | "itemprop"
            | "itemtype" | "itemscope" | "itemref" | "vocab" | "typeof" | "prefix" | "datatype"
            | "for" | "form" | "headers" | "accept" | "accept-charset" | "async" | "defer"
            | "nomodule" | "autofocus" | "autoplay" | "controls" | "loop" | "muted"
            | "playsinline" | "preload" | "kind" | "srclang" | "default" | "checked"
            | "selected" | "disabled" | "readonly" | "required" | "multiple" | "hidden"
            | "inert" | "open" | "reversed" | "start" | "step" | "min" | "max" | "low" | "high"
            | "optimum" | "maxlength" | "minlength" | "size" | "rows" | "cols" | "wrap"
            | "pattern" | "list" | "novalidate" | "formnovalidate" | "formmethod"
            | "formtarget" | "formenctype" | "colspan" | "rowspan" | "scope" | "span" | "usemap"
            | "ismap" | "shape" | "coords" | "hreflang" | "tabindex" | "accesskey"
            | "contenteditable" | "draggable" | "spellcheck" | "translate" | "enterkeyhint"
            | "autocapitalize" | "popover" | "popovertarget" | "popovertargetaction" | "slot"
            | "part" | "exportparts" | "is" | "allow" | "allowfullscreen" | "sandbox"
            | "frameborder" | "scrolling" | "marginwidth" | "marginheight" | "blocking"
            | "shadowrootmode" | "dirname" | "color" | "bgcolor" | "align" | "valign" | "border"
            | "cellpadding" | "cellspacing" | "face" | "nowrap" | "clear" | "noshade" | "compact"
            | "version" | "width" | "height" | "elementtiming" | "attributionsrc"
            | "closedby" | "command" | "commandfor" | "writingsuggestions" | "virtualkeyboardpolicy"
            // SVG
            | "viewbox" | "d" | "fill" | "stroke" | "stroke-width" | "stroke-linecap"
            | "stroke-linejoin" | "stroke-miterlimit" | "stroke-dasharray" | "stroke-dashoffset"
            | "stroke-opacity" | "fill-opacity" | "fill-rule" | "clip-rule" | "clip-path"
            | "clip" | "opacity" | "transform" | "transform-origin" | "x" | "y" | "x1" | "x2"
            | "y1" | "y2" | "cx" | "cy" | "r" | "rx" | "ry" | "points" | "offset" | "stop-color"
            | "stop-opacity" | "gradientunits" | "gradienttransform" | "patternunits"
            | "patterncontentunits" | "patterntransform" | "preserveaspectratio"
            | "baseprofile" | "font-family" | "font-size" | "font-weight" | "font-style"
            | "font-variant" | "font-stretch" | "text-anchor" | "text-decoration"
            | "dominant-baseline" | "alignment-baseline" | "baseline-shift" | "letter-spacing"
            | "word-spacing" | "writing-mode" | "dx" | "dy" | "rotate" | "textlength"
            | "lengthadjust" | "marker-start" | "marker-end" | "marker-mid" | "mask"
            | "filter" | "in" | "in2" | "result" | "stddeviation" | "operator" | "k1" | "k2"
            | "k3" | "k4" | "values" | "mode" | "flood-color" | "flood-opacity"
            | "lighting-color" | "focusable" | "pathlength" | "overflow" | "visibility"
            | "display" | "markerwidth" | "markerheight" | "markerunits" | "refx" | "refy"
            | "orient" | "fx" | "fy" | "fr" | "spreadmethod" | "clippathunits" | "maskunits"
            | "maskcontentunits" | "filterunits" | "primitiveunits" | "vector-effect"
            | "shape-rendering" | "text-rendering" | "image-rendering" | "color-interpolation"
            | "color-interpolation-filters" | "enable-background" | "attributename"
            | "attributetype" | "begin" | "dur" | "end" | "repeatcount" | "repeatdur" | "from"
            | "to" | "by" | "keytimes" | "keysplines" | "keypoints" | "calcmode" | "additive"
            | "accumulate" | "restart" | "path" | "spacing" | "startoffset"
            | "side" | "kernelmatrix" | "order" | "divisor" | "bias" | "targetx" | "targety"
            | "edgemode" | "preservealpha" | "surfacescale" | "diffuseconstant"
            | "specularconstant" | "specularexponent" | "azimuth" | "elevation" | "z"
            | "pointsatx" | "pointsaty" | "pointsatz" | "limitingconeangle" | "scale"
            | "xchannelselector" | "ychannelselector" | "basefrequency" | "numoctaves" | "seed"
            | "stitchtiles" | "tablevalues" | "slope" | "intercept" | "amplitude" | "exponent"
            | "radius" | "requiredfeatures" | "requiredextensions" | "systemlanguage"
            | "externalresourcesrequired" | "zoomandpan" | "contentscripttype"
            | "contentstyletype" | "mathvariant" | "mathcolor" | "mathbackground"
            | "mathsize" | "displaystyle" | "scriptlevel" | "stretchy" | "fence" | "separator"
            | "lspace" | "rspace" | "accent" | "accentunder" | "linethickness" | "notation"
            | "encoding" | "definitionurl" | "columnalign" | "rowalign" | "columnspan"
            // feeds
            | "term" | "scheme" | "ispermalink" | "length" | "xml"
    )
}

/// The fields of a feed or sitemap (XML): each is a value of its own, so
/// an entry's address ending in `…-3/` and the next entry's title "Mei and
/// the road back" never read as one date ("3/mei", the 3rd of May in
/// Dutch). Within a field, markup still joins nothing apart.
pub(super) fn feed_field(name: &str) -> bool {
    matches!(
        name,
        "id" | "title"
            | "subtitle"
            | "summary"
            | "rights"
            | "uri"
            | "name"
            | "email"
            | "link"
            | "guid"
            | "loc"
            | "icon"
            | "logo"
            | "generator"
            | "category"
            | "description"
            | "content"
            | "changefreq"
            | "priority"
            | "entry"
            | "item"
            | "url"
    )
}

/// Elements whose text is a date the template wrote, never typed text.
pub(super) fn stamp_element(name: &str) -> bool {
    matches!(name, "time" | "updated" | "published" | "lastmod")
}
