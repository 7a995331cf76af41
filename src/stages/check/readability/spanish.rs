//! Spanish readability: Fernández-Huerta's reading ease and its grade
//! scale, with syllables counted by Spanish rules.

/// Fernández-Huerta (1959) reading ease, the Spanish adaptation of
/// Flesch's formula: `206.84 − 0.60·P − 1.02·F`, P syllables per 100 words
/// and F words per sentence (the reading of F that reproduces Flesch, as
/// corrected by Law, 2011).
pub fn fernandez_huerta(words: usize, sentences: usize, syllables: usize) -> f64 {
    if words == 0 || sentences == 0 {
        return 100.0;
    }
    let (w, s, y) = (words as f64, sentences as f64, syllables as f64);
    206.84 - 0.60 * (100.0 * y / w) - 1.02 * (w / s)
}

/// The school grade Fernández-Huerta's scale names for a reading ease
/// (90: 4th grade, 80: 5th, 70: 6th, 60: 7th–8th, 50: high school,
/// 30: college, below: university graduate) as a US grade number,
/// interpolated between the scale's steps.
pub fn fernandez_huerta_grade(ease: f64) -> f64 {
    // The scale's steps, joined by straight lines in between.
    const SCALE: [(f64, f64); 8] = [
        (100.0, 3.0),
        (90.0, 4.0),
        (80.0, 5.0),
        (70.0, 6.0),
        (60.0, 8.0),
        (50.0, 12.0),
        (30.0, 16.0),
        (0.0, 18.0),
    ];
    let e = ease.clamp(0.0, 100.0);
    SCALE.windows(2).find(|w| e >= w[1].0).map_or(18.0, |w| {
        let ((e0, g0), (e1, g1)) = (w[0], w[1]);
        g1 + (g0 - g1) * (e - e1) / (e0 - e1)
    })
}

/// Syllables of a Spanish word: one per vowel nucleus, where a weak vowel
/// (i, u, ü) next to another vowel forms a diphthong unless accented (í,
/// ú: hiatus, "día"), and two strong vowels (a, e, o, accented or not)
/// are a hiatus ("le-o"). `y` counts as a vowel only ending a word after a
/// consonant ("muy" has one, "hay" one). Spanish spelling is regular, so
/// this is exact for nearly every word.
pub fn syllables_es(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphabetic())
        .collect();
    let strong = |c: char| "aeoáéóíú".contains(c);
    let vowel = |c: char| "aeiouáéíóúü".contains(c);
    let mut count = 0;
    let mut prev: Option<char> = None;
    for &c in &w {
        if vowel(c) {
            match prev {
                Some(p) if strong(p) && strong(c) => count += 1,
                Some(_) => {}
                None => count += 1,
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::check::readability::Counts;

    #[test]
    fn spanish_syllables_follow_diphthong_and_hiatus_rules() {
        for (w, n) in [
            ("mesa", 2),
            ("pierna", 2),
            ("rodilla", 3),
            ("día", 2),
            ("león", 2),
            ("cuerda", 2),
            ("Respire", 3),
            ("hombros", 2),
            ("muy", 1),
            ("ejercicio", 4),
            ("péndulo", 3),
            ("aéreo", 4),
            ("y", 1),
        ] {
            assert_eq!(syllables_es(w), n, "{w}");
        }
    }

    #[test]
    fn fernandez_huerta_matches_the_formula() {
        // 100 words, 5 sentences, 180 syllables: 206.84 - 108 - 20.4 = 78.44
        assert!((fernandez_huerta(100, 5, 180) - 78.44).abs() < 0.001);
        let easy = Counts::of("Siéntese derecho. Mire al frente. Respire.");
        let hard = Counts::of(
            "La rehabilitación postoperatoria requiere fortalecimiento progresivo de la musculatura periarticular correspondiente, evitando sobrecargas desproporcionadas.",
        );
        assert!(easy.ease_es() > 60.0, "{:?} {}", easy, easy.ease_es());
        assert!(hard.ease_es() < 30.0, "{:?} {}", hard, hard.ease_es());
    }
}
