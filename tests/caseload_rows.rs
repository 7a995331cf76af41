//! The caseload's rows are drawn with `caseload-row.html`, once per
//! patient, and shown on a page of every order: a clinic can change the
//! row alone, and `index.html` (which links from the handouts folder, not
//! from `caseload/`) still gets rows whose links lead to the handouts.

mod common;
use common::*;

#[test]
fn a_clinics_row_template_draws_every_row_of_every_page_with_links_that_lead_somewhere() {
    let c = Clinic::with_plan();
    let second = PLAN
        .replace("Maria Lopez", "Ana Ortiz")
        .replace("preferred_name: Mari\n", "preferred_name: Ana\n");
    c.write("content/plans/ana-ortiz.yaml", &second);
    c.write(
        "templates/caseload-row.html",
        "<tr class=\"mine\"><td>{{ r.preferred_name }} · {{ t.caseload_open }}</td>\
         <td><a href=\"{{ r.href }}\">{{ r.file }}</a></td></tr>\n\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = c.path().join("handouts");
    for (rel, from) in [
        ("index.html", dir.clone()),
        ("caseload/name-1.html", dir.join("caseload")),
        ("caseload/visit-1.html", dir.join("caseload")),
        ("caseload/progress-1.html", dir.join("caseload")),
        ("caseload/warnings-1.html", dir.join("caseload")),
    ] {
        let html = c.read(&format!("handouts/{rel}"));
        assert_eq!(
            html.matches("<tr class=\"mine\">").count(),
            2,
            "{rel}: {html}"
        );
        assert!(
            html.contains("Mari · Handout") && html.contains("Ana · Handout"),
            "{rel}: {html}"
        );
        // Trailing whitespace of the row is the page's to lay out.
        assert!(!html.contains("</tr>\n\n"), "{rel}: {html}");
        for href in hrefs(&html) {
            assert!(from.join(href).is_file(), "{rel}: {href} leads nowhere");
        }
        assert!(
            hrefs(&html).contains(&"maria-lopez.html")
                || hrefs(&html).contains(&"../maria-lopez.html"),
            "{rel}: {html}"
        );
    }
}

#[test]
fn heropaths_own_rows_show_on_every_page_and_the_index_links_from_the_handouts_folder() {
    let c = Clinic::with_plan();
    c.write(
        "content/plans/ana-ortiz.yaml",
        &PLAN.replace("Maria Lopez", "Ana Ortiz"),
    );
    let out = c.cmd(&["build"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = c.path().join("handouts");
    for (rel, from, link) in [
        ("index.html", dir.clone(), "ana-ortiz.html"),
        (
            "caseload/name-1.html",
            dir.join("caseload"),
            "../ana-ortiz.html",
        ),
        (
            "caseload/warnings-1.html",
            dir.join("caseload"),
            "../ana-ortiz.html",
        ),
    ] {
        let html = c.read(&format!("handouts/{rel}"));
        let rows = html.matches("<th scope=\"row\">").count();
        assert_eq!(rows, 2, "{rel}: {html}");
        assert!(
            html.contains("Ana Ortiz") && html.contains("Maria Lopez"),
            "{rel}"
        );
        assert!(hrefs(&html).contains(&link), "{rel}: {html}");
        for href in hrefs(&html) {
            assert!(from.join(href).is_file(), "{rel}: {href} leads nowhere");
        }
    }
}

#[test]
fn a_row_template_that_fails_is_reported_where_it_is_and_fails_the_build() {
    let c = Clinic::with_plan();
    c.write(
        "templates/caseload-row.html",
        "<tr>{{ r.nope.field }}</tr>\n",
    );
    let out = c.cmd(&["build"]).output().unwrap();
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("templates/caseload-row.html:1:") && err.contains("HP0303"),
        "{err}"
    );
}
