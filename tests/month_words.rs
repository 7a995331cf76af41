//! Month words from CLDR (issue 15) must not make the privacy guard
//! noisier: everyday words that are also month abbreviations somewhere
//! ("set", "mar", "ago", German "sie", English "lip") stay prose, even
//! right beside a number that matches the patient's birthday.

mod common;
use common::probes::*;
use common::*;

/// A public story naming the patient (display name "Mari") whose body is
/// `body`, for a patient born on `birth` (YYYY-MM-DD).
fn story_build(birth: &str, body: &str) -> Option<String> {
    let first = body.lines().next().unwrap_or_default().to_string();
    let body = body.to_string();
    let birth = birth.to_string();
    let setup = move |c: &Clinic| {
        c.write(
            "content/plans/maria-lopez.yaml",
            &plan(
                &format!("name: Maria Lopez\npreferred_name: Mari\nbirth_date: {birth}"),
                &story("Mari", &body, ""),
            ),
        );
    };
    expect_clean(&setup, &[first.as_str()])
}

#[test]
fn everyday_words_beside_a_birthday_number_stay_prose() {
    for (birth, body) in [
        // August 3: German "sie", Polish "sie" (sierpień), Italian/Spanish "ago".
        ("1968-08-03", "Jetzt hebt sie 3 Kisten, Mari."),
        ("1968-08-03", "Mari began two years ago 3 times a week."),
        // July 12: English "lip", Polish "lip" (lipiec).
        ("1968-07-12", "Mari bit her lip 12 times less."),
        // September 12: Portuguese and Italian "set".
        ("1968-09-12", "Mari did one set 12 times."),
        // March 3: Spanish "mar", German "Mär".
        ("1968-03-03", "Mari nadó en el mar 3 veces."),
    ] {
        let why = story_build(birth, body);
        assert!(why.is_none(), "{body:?} (born {birth}): {why:?}");
    }
}

#[test]
fn a_cldr_month_beside_the_birthday_is_still_caught() {
    // The probe above can fail: the same page with a real month word in a
    // language the guard learned from CLDR is refused.
    for (birth, body) in [
        ("1968-08-03", "Mari, born 3 sierpnia, lifts again."),
        ("1968-01-03", "Mari, born 3 января, lifts again."),
        ("1968-08-03", "Mari, born 3 de agosto, lifts again."),
    ] {
        assert!(story_build(birth, body).is_some(), "{body:?} was published");
    }
}

/// A public story for `name` (display name `display`, born `birth`) whose
/// body is `body`, built clean or not.
fn named_story_build(name: &str, display: &str, birth: &str, body: &str) -> Option<String> {
    let (name, display, birth, body) = (
        name.to_string(),
        display.to_string(),
        birth.to_string(),
        body.to_string(),
    );
    let setup = move |c: &Clinic| {
        let slug = name.to_lowercase().replace(' ', "-");
        c.write(
            &format!("content/plans/{slug}.yaml"),
            &plan(
                &format!("name: {name}\nbirth_date: {birth}"),
                &story(&display, &body, ""),
            ),
        );
    };
    expect_clean(&setup, &["climb"])
}

#[test]
fn a_display_name_that_is_a_month_names_a_person_not_a_day() {
    // Given names that are months in one of the theme's languages ("mei"
    // is May in Dutch, "julio" July in Spanish, "jan" January), written as
    // the story's display name just after a number that could be the day
    // of the patient's birthday: seen first on a 10,000-plan clinic, where
    // a story slug's "-2" met "Mei R.'s story".
    for (name, display, birth, body) in [
        (
            "Mei Kowalski",
            "Mei K.",
            "1968-05-03",
            "After week 3 Mei K. could climb the stairs.",
        ),
        (
            "June Tran",
            "June T.",
            "1970-06-12",
            "By set 12 June T. could climb the hill.",
        ),
        (
            "April Stone",
            "April S.",
            "1971-04-20",
            "At visit 20 April S. could climb to the attic.",
        ),
        (
            "Julio Martinez",
            "Julio M.",
            "1975-07-08",
            "On lap 8 Julio M. could climb the ramp.",
        ),
        (
            "Jan Novak",
            "Jan N.",
            "1960-01-15",
            "In exercise 15 Jan N. could climb a step.",
        ),
    ] {
        let why = named_story_build(name, display, birth, body);
        assert!(why.is_none(), "{body:?} ({name}, born {birth}): {why:?}");
    }
}

#[test]
fn a_month_that_is_also_the_display_name_still_dates_the_birthday() {
    // The allowance above is the display name only ("Mei K."): the same
    // word as a month, without the initial after it, is still the day.
    for (name, display, birth, body) in [
        (
            "Mei Kowalski",
            "Mei K.",
            "1968-05-03",
            "Mei K. was born on 3 Mei and can climb again.",
        ),
        (
            "June Tran",
            "June T.",
            "1970-06-12",
            "June T. turns older on 12 June; she can climb.",
        ),
        (
            "Julio Martinez",
            "Julio M.",
            "1975-07-08",
            "Julio M. nació el 8 de julio; he can climb.",
        ),
    ] {
        assert!(
            named_story_build(name, display, birth, body).is_some(),
            "{body:?} ({name}, born {birth}) was published"
        );
    }
}

#[test]
fn two_stories_of_one_title_and_a_month_display_name_build() {
    // The theme's print stylesheet shows a link's address after it, so a
    // card reads "Back to tennis (/stories/back-to-tennis-2/) Mei R.'s
    // story": the slug's number beside the display name is no date.
    let setup = |c: &Clinic| {
        for (slug, name, display, birth) in [
            ("anna-berg", "Anna Berg", "Anna B.", "1969-09-09"),
            ("mei-rossi", "Mei Rossi", "Mei R.", "1970-05-02"),
        ] {
            let block = story(display, "Now I can climb to the court.", "")
                .replace("Back to hugging her granddaughter", "Back to tennis");
            c.write(
                &format!("content/plans/{slug}.yaml"),
                &plan(&format!("name: {name}\nbirth_date: {birth}"), &block),
            );
        }
    };
    let why = expect_clean(&setup, &["back-to-tennis-2", "Mei R."]);
    assert!(why.is_none(), "{why:?}");
}

/// A clinic where Anna Berg (born 25 May 1970) has a published story shown
/// as "Anna B.", and a page whose body is `body`; in `static/t.html`
/// instead when `file` (HTML a template or a static file carries).
fn anna_page(body: &str, file: bool) -> impl Fn(&Clinic) {
    let body = body.to_string();
    move |c: &Clinic| {
        c.write(
            "content/plans/anna-berg.yaml",
            &plan(
                "name: Anna Berg\nbirth_date: 1970-05-25",
                &story("Anna B.", "Now I can dig again.", ""),
            ),
        );
        if file {
            c.write("static/t.html", &body);
        } else {
            c.write("content/pages/news.md", &page(&body));
        }
    }
}

/// Why the build of `anna_page(body, file)` did not refuse her birthday,
/// if it did not.
fn anna_birthday_refused(body: &str, file: bool) -> Option<String> {
    let c = Clinic::new();
    anna_page(body, file)(&c);
    let out = c.cmd(&["build"]).output().expect("run heropath");
    let err = stderr(&out);
    (out.status.success() || !err.contains("birth date"))
        .then(|| format!("exit {:?}: {}", out.status.code(), head(&err)))
}

#[test]
fn a_number_ending_one_block_and_a_month_word_starting_the_next_are_no_date() {
    // "…I am 25" ending one card and "Mei is back" (Dutch May) starting
    // the next, on a page that names Anna (born 25 May): two texts, not
    // "25 May". Found as false alarms between story cards.
    for body in [
        "<div class=\"card\"><p>Anna B. says: I am 25</p></div><div class=\"card\"><h2>Mei is back</h2></div>",
        "Anna B. trained in Room 25\n\nMay T. tells her story next.",
        "<ul><li>Anna B. did lap 25</li><li>May we help you too?</li></ul>",
        "- Anna B. did lap 25\n- Mei is back to dancing",
        // "may do": the English verb, whatever "do" is in Portuguese dates.
        "Anna B. may do 25 squats a day.",
    ] {
        let why = expect_clean(&anna_page(body, false), &["Anna B."]);
        assert!(why.is_none(), "{body:?}: {why:?}");
    }
}

#[test]
fn a_day_and_a_month_split_over_elements_are_still_a_date() {
    // The rule above holds only where neither part stands alone in its
    // block: a calendar badge, a table's day and month columns, `<time>`
    // parts, an ordered list's chosen number are read as the date they
    // show.
    for (body, file) in [
        (
            "Anna B.: <div class=\"day\">25</div><div class=\"month\">May</div>",
            false,
        ),
        ("Anna B.: <span>25</span><span>May</span>", false),
        (
            "<table><tr><th>Day</th><th>Month</th></tr><tr><td>25</td><td>May</td></tr></table><p>Anna B.</p>",
            false,
        ),
        (
            "<p>Anna B. visits <time>25</time> <time>May</time>.</p>",
            true,
        ),
        (
            "<p>Save the day: <time>25</time> <time>May</time> <time>1970</time></p>",
            true,
        ),
        ("Anna B. is back.\n\n25. Mei: a new start", false),
        ("<ol><li value=\"25\">May 1970</li></ol>", true),
        ("Anna B. turns older on 25 may.", false),
    ] {
        let why = anna_birthday_refused(body, file);
        assert!(why.is_none(), "{body:?} was published: {why:?}");
    }
}
