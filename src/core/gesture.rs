//! Pointer gestures shared by the map and the timeline: one pointer drags,
//! two pinch. Pure bookkeeping of pointer positions; the views apply the result.

#[derive(Clone, Copy, Debug, PartialEq)]
struct Pointer {
    id: i32,
    x: f64,
    y: f64,
}

/// The pointers currently down on a surface.
#[derive(Clone, Debug, Default)]
pub struct Pointers(Vec<Pointer>);

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Gesture {
    None,
    /// Move the content by (`dx`, `dy`) pixels.
    Pan {
        dx: f64,
        dy: f64,
    },
    /// Move by (`dx`, `dy`), then zoom by `factor` around (`x`, `y`).
    Pinch {
        dx: f64,
        dy: f64,
        factor: f64,
        x: f64,
        y: f64,
    },
}

impl Pointers {
    pub fn down(&mut self, id: i32, x: f64, y: f64) {
        self.up(id);
        self.0.push(Pointer { id, x, y });
    }

    pub fn up(&mut self, id: i32) {
        self.0.retain(|p| p.id != id);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Records a move of pointer `id` and says what it does.
    pub fn moved(&mut self, id: i32, x: f64, y: f64) -> Gesture {
        let Some(index) = self.0.iter().position(|p| p.id == id) else { return Gesture::None };
        let before = self.0.clone();
        self.0[index] = Pointer { id, x, y };
        match (before.as_slice(), self.0.as_slice()) {
            ([a], [b]) => Gesture::Pan { dx: b.x - a.x, dy: b.y - a.y },
            ([a0, a1, ..], [b0, b1, ..]) => {
                let spread = |p: &Pointer, q: &Pointer| ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt().max(1.0);
                let (mx0, my0) = ((a0.x + a1.x) / 2.0, (a0.y + a1.y) / 2.0);
                let (mx1, my1) = ((b0.x + b1.x) / 2.0, (b0.y + b1.y) / 2.0);
                Gesture::Pinch { dx: mx1 - mx0, dy: my1 - my0, factor: spread(b0, b1) / spread(a0, a1), x: mx1, y: my1 }
            }
            _ => Gesture::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pointer_pans_two_pinch() {
        let mut pointers = Pointers::default();
        assert_eq!(pointers.moved(1, 5.0, 5.0), Gesture::None, "not down");
        pointers.down(1, 100.0, 100.0);
        assert_eq!(pointers.moved(1, 110.0, 95.0), Gesture::Pan { dx: 10.0, dy: -5.0 });
        pointers.down(2, 210.0, 95.0);
        // Fingers spread from 100 px to 200 px apart, around a still midpoint.
        assert_eq!(
            pointers.moved(2, 260.0, 95.0),
            Gesture::Pinch { dx: 25.0, dy: 0.0, factor: 1.5, x: 185.0, y: 95.0 }
        );
        pointers.up(1);
        assert_eq!(pointers.moved(2, 250.0, 95.0), Gesture::Pan { dx: -10.0, dy: 0.0 });
        pointers.up(2);
        assert!(pointers.is_empty());
    }
}
