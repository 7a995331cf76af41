//! Where an SVG element is drawn: its `transform` composed with its
//! ancestors', and the number lists of its position attributes.

/// An affine map `(a b c d e f)`, as SVG writes a matrix.
#[derive(Clone, Copy, Debug)]
pub(super) struct Affine([f64; 6]);

impl Affine {
    /// The identity.
    pub const ID: Affine = Affine([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// A `transform` attribute (`translate(10 20) rotate(30) matrix(...)`);
    /// what cannot be read is left out.
    pub fn parse(v: &str) -> Affine {
        let mut m = Affine::ID;
        for part in v.split(')') {
            let Some((name, args)) = part.split_once('(') else {
                continue;
            };
            let n = numbers(args);
            let get = |i: usize, d: f64| n.get(i).copied().unwrap_or(d);
            let name = name
                .trim()
                .trim_start_matches(',')
                .trim()
                .to_ascii_lowercase();
            let t = match name.as_str() {
                "translate" => Affine([1.0, 0.0, 0.0, 1.0, get(0, 0.0), get(1, 0.0)]),
                "scale" => Affine([get(0, 1.0), 0.0, 0.0, get(1, get(0, 1.0)), 0.0, 0.0]),
                "matrix" if n.len() == 6 => Affine([n[0], n[1], n[2], n[3], n[4], n[5]]),
                "rotate" => {
                    let (s, c) = get(0, 0.0).to_radians().sin_cos();
                    let (cx, cy) = (get(1, 0.0), get(2, 0.0));
                    Affine([1.0, 0.0, 0.0, 1.0, cx, cy])
                        .then(&Affine([c, s, -s, c, 0.0, 0.0]))
                        .then(&Affine([1.0, 0.0, 0.0, 1.0, -cx, -cy]))
                }
                "skewx" => Affine([1.0, 0.0, get(0, 0.0).to_radians().tan(), 1.0, 0.0, 0.0]),
                "skewy" => Affine([1.0, get(0, 0.0).to_radians().tan(), 0.0, 1.0, 0.0, 0.0]),
                _ => continue,
            };
            m = m.then(&t);
        }
        if m.0.iter().all(|x| x.is_finite()) {
            m
        } else {
            Affine::ID
        }
    }

    /// This map after `inner` (a child's transform inside this one).
    pub fn then(&self, inner: &Affine) -> Affine {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = inner.0;
        Affine([
            a * a2 + c * b2,
            b * a2 + d * b2,
            a * c2 + c * d2,
            b * c2 + d * d2,
            a * e2 + c * f2 + e,
            b * e2 + d * f2 + f,
        ])
    }

    /// Where the point `(x, y)` is drawn.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// How much the map enlarges (for the width of letters).
    pub fn scale(&self) -> f64 {
        let [a, b, c, d, _, _] = self.0;
        let s = (a * d - b * c).abs().sqrt();
        if s.is_finite() && s > 0.0 { s } else { 1.0 }
    }
}

/// The numbers of a list (`10 20,30.5 -4e1px 50%`), units left out.
pub(super) fn numbers(v: &str) -> Vec<f64> {
    v.split(|c: char| c.is_whitespace() || c == ',')
        .filter_map(|w| {
            let end = w
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E')))
                .unwrap_or(w.len());
            w[..end].parse::<f64>().ok().filter(|x| x.is_finite())
        })
        .take(4096)
        .collect()
}
