//! Liquid's numeric coercion (`Utils.to_number`): floats become Ruby `BigDecimal`s built from
//! their printed form, so `0.1 | plus: 0.2` is `0.3`, then results go back to `Float`.

use super::ruby;
use crate::value::Value;
use std::cmp::Ordering;

/// An exact decimal `m / 10^scale`.
#[derive(Clone, Copy, Debug)]
pub struct Dec {
    m: i128,
    scale: u32,
}

#[derive(Clone, Copy, Debug)]
pub enum Num {
    Int(i64),
    Dec(Dec),
    /// A float the decimal type cannot hold (huge, infinite, NaN).
    Float(f64),
}

pub enum NumError {
    ZeroDivision,
    FloatDomain(String),
}

fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

impl Dec {
    fn parse(s: &str) -> Option<Dec> {
        let (mant, exp) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], s[i + 1..].parse::<i32>().ok()?),
            None => (s, 0),
        };
        let (neg, mant) = match mant.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, mant),
        };
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        let digits = format!("{int}{frac}");
        if digits.is_empty() || digits.len() > 36 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut m: i128 = digits.parse().ok()?;
        let mut scale = i64::try_from(frac.len()).ok()? - i64::from(exp);
        if scale < 0 {
            if scale < -38 {
                return None;
            }
            m = m.checked_mul(pow10((-scale) as u32)?)?;
            scale = 0;
        }
        if scale > 36 {
            return None;
        }
        Some(
            Dec {
                m: if neg { -m } else { m },
                scale: scale as u32,
            }
            .normalized(),
        )
    }

    fn normalized(mut self) -> Dec {
        while self.scale > 0 && self.m % 10 == 0 {
            self.m /= 10;
            self.scale -= 1;
        }
        self
    }

    fn from_int(i: i64) -> Dec {
        Dec {
            m: i as i128,
            scale: 0,
        }
    }

    fn align(a: Dec, b: Dec) -> Option<(i128, i128, u32)> {
        let s = a.scale.max(b.scale);
        let am = a.m.checked_mul(pow10(s - a.scale)?)?;
        let bm = b.m.checked_mul(pow10(s - b.scale)?)?;
        Some((am, bm, s))
    }

    pub fn to_f64(self) -> f64 {
        let neg = self.m < 0;
        let digits = self.m.unsigned_abs().to_string();
        let s = if self.scale == 0 {
            digits
        } else {
            let sc = self.scale as usize;
            let padded = if digits.len() <= sc {
                format!("{}{}", "0".repeat(sc - digits.len() + 1), digits)
            } else {
                digits
            };
            let split = padded.len() - sc;
            format!("{}.{}", &padded[..split], &padded[split..])
        };
        let f: f64 = s.parse().unwrap_or(0.0);
        if neg {
            -f
        } else {
            f
        }
    }

    fn floor_i(self) -> i128 {
        let p = pow10(self.scale).unwrap_or(1);
        self.m.div_euclid(p)
    }

    fn ceil_i(self) -> i128 {
        let p = pow10(self.scale).unwrap_or(1);
        -(-self.m).div_euclid(p)
    }

    /// BigDecimal#round(n) with ROUND_HALF_UP (ties away from zero).
    fn round(self, n: i64) -> Dec {
        let n = n.clamp(-40, 40);
        if n >= self.scale as i64 {
            return self;
        }
        let drop = (self.scale as i64 - n) as u32;
        let Some(p) = pow10(drop) else {
            return Dec { m: 0, scale: 0 };
        };
        let q = self.m / p;
        let r = (self.m % p).abs();
        let q = if r * 2 >= p { q + self.m.signum() } else { q };
        if n >= 0 {
            Dec {
                m: q,
                scale: n as u32,
            }
            .normalized()
        } else {
            match pow10((-n) as u32).and_then(|p| q.checked_mul(p)) {
                Some(m) => Dec { m, scale: 0 },
                None => Dec { m: 0, scale: 0 },
            }
        }
    }
}

impl Num {
    /// `Utils.to_number`.
    pub fn from_value(v: &Value) -> Num {
        match v {
            Value::Int(i) => Num::Int(*i),
            Value::Float(f) => Num::from_f64(*f),
            Value::Str(s) => {
                let t = ruby::strip(s);
                if is_decimal_literal(t) {
                    Dec::parse(t)
                        .map(Num::Dec)
                        .unwrap_or_else(|| Num::Float(ruby::str_to_f(t)))
                } else {
                    Num::Int(ruby::str_to_i(s))
                }
            }
            _ => Num::Int(0),
        }
    }

    pub fn from_f64(f: f64) -> Num {
        if !f.is_finite() {
            return Num::Float(f);
        }
        Dec::parse(&ruby::float_to_s(f))
            .map(Num::Dec)
            .unwrap_or(Num::Float(f))
    }

    pub fn to_value(self) -> Value {
        match self {
            Num::Int(i) => Value::Int(i),
            Num::Dec(d) => Value::Float(d.to_f64()),
            Num::Float(f) => Value::Float(f),
        }
    }

    fn to_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Dec(d) => d.to_f64(),
            Num::Float(f) => f,
        }
    }

    fn as_dec(self) -> Option<Dec> {
        match self {
            Num::Int(i) => Some(Dec::from_int(i)),
            Num::Dec(d) => Some(d),
            Num::Float(_) => None,
        }
    }

    fn is_zero(self) -> bool {
        match self {
            Num::Int(i) => i == 0,
            Num::Dec(d) => d.m == 0,
            Num::Float(f) => f == 0.0,
        }
    }

    fn dec_op(
        a: Num,
        b: Num,
        op: impl Fn(Dec, Dec) -> Option<Dec>,
        f: impl Fn(f64, f64) -> f64,
    ) -> Num {
        match (a.as_dec(), b.as_dec()) {
            (Some(x), Some(y)) => match op(x, y) {
                Some(d) => Num::Dec(d.normalized()),
                None => Num::Float(f(a.to_f64(), b.to_f64())),
            },
            _ => Num::Float(f(a.to_f64(), b.to_f64())),
        }
    }

    pub fn add(self, o: Num) -> Num {
        if let (Num::Int(a), Num::Int(b)) = (self, o) {
            return a
                .checked_add(b)
                .map(Num::Int)
                .unwrap_or(Num::Float(a as f64 + b as f64));
        }
        Num::dec_op(
            self,
            o,
            |x, y| {
                let (a, b, s) = Dec::align(x, y)?;
                Some(Dec {
                    m: a.checked_add(b)?,
                    scale: s,
                })
            },
            |a, b| a + b,
        )
    }

    pub fn sub(self, o: Num) -> Num {
        if let (Num::Int(a), Num::Int(b)) = (self, o) {
            return a
                .checked_sub(b)
                .map(Num::Int)
                .unwrap_or(Num::Float(a as f64 - b as f64));
        }
        Num::dec_op(
            self,
            o,
            |x, y| {
                let (a, b, s) = Dec::align(x, y)?;
                Some(Dec {
                    m: a.checked_sub(b)?,
                    scale: s,
                })
            },
            |a, b| a - b,
        )
    }

    pub fn mul(self, o: Num) -> Num {
        if let (Num::Int(a), Num::Int(b)) = (self, o) {
            return a
                .checked_mul(b)
                .map(Num::Int)
                .unwrap_or(Num::Float(a as f64 * b as f64));
        }
        Num::dec_op(
            self,
            o,
            |x, y| {
                let s = x.scale + y.scale;
                if s > 36 {
                    return None;
                }
                Some(Dec {
                    m: x.m.checked_mul(y.m)?,
                    scale: s,
                })
            },
            |a, b| a * b,
        )
    }

    pub fn div(self, o: Num) -> Result<Num, NumError> {
        match (self, o) {
            (Num::Int(a), Num::Int(b)) => {
                if b == 0 {
                    return Err(NumError::ZeroDivision);
                }
                if a == i64::MIN && b == -1 {
                    return Ok(Num::Float(-(a as f64)));
                }
                let q = a / b;
                Ok(Num::Int(if a % b != 0 && ((a < 0) != (b < 0)) {
                    q - 1
                } else {
                    q
                }))
            }
            (Num::Float(a), _) => Ok(Num::Float(a / o.to_f64())),
            (_, Num::Float(b)) => Ok(Num::Float(self.to_f64() / b)),
            _ => {
                if o.is_zero() {
                    return Err(NumError::ZeroDivision);
                }
                Ok(Num::from_f64(self.to_f64() / o.to_f64()))
            }
        }
    }

    pub fn modulo(self, o: Num) -> Result<Num, NumError> {
        match (self, o) {
            (Num::Int(a), Num::Int(b)) => {
                if b == 0 {
                    return Err(NumError::ZeroDivision);
                }
                let r = a.wrapping_rem(b);
                Ok(Num::Int(if r != 0 && ((r < 0) != (b < 0)) {
                    r + b
                } else {
                    r
                }))
            }
            _ => {
                if o.is_zero() {
                    return Err(NumError::ZeroDivision);
                }
                match (self.as_dec(), o.as_dec()) {
                    (Some(x), Some(y)) => match Dec::align(x, y) {
                        Some((a, b, s)) => {
                            let r = a % b;
                            let r = if r != 0 && ((r < 0) != (b < 0)) {
                                r + b
                            } else {
                                r
                            };
                            Ok(Num::Dec(Dec { m: r, scale: s }.normalized()))
                        }
                        None => Ok(Num::Float(self.to_f64().rem_euclid(o.to_f64()))),
                    },
                    _ => {
                        let (a, b) = (self.to_f64(), o.to_f64());
                        let r = a % b;
                        Ok(Num::Float(if r != 0.0 && ((r < 0.0) != (b < 0.0)) {
                            r + b
                        } else {
                            r
                        }))
                    }
                }
            }
        }
    }

    pub fn abs(self) -> Num {
        match self {
            Num::Int(i) => i
                .checked_abs()
                .map(Num::Int)
                .unwrap_or(Num::Float((i as f64).abs())),
            Num::Dec(d) => Num::Dec(Dec {
                m: d.m.abs(),
                scale: d.scale,
            }),
            Num::Float(f) => Num::Float(f.abs()),
        }
    }

    pub fn cmp(self, o: Num) -> Ordering {
        match (self, o) {
            (Num::Int(a), Num::Int(b)) => a.cmp(&b),
            _ => match (self.as_dec(), o.as_dec()) {
                (Some(x), Some(y)) => match Dec::align(x, y) {
                    Some((a, b, _)) => a.cmp(&b),
                    None => self
                        .to_f64()
                        .partial_cmp(&o.to_f64())
                        .unwrap_or(Ordering::Equal),
                },
                _ => self
                    .to_f64()
                    .partial_cmp(&o.to_f64())
                    .unwrap_or(Ordering::Equal),
            },
        }
    }

    fn domain_check(self) -> Result<(), NumError> {
        if let Num::Float(f) = self {
            if !f.is_finite() {
                return Err(NumError::FloatDomain(ruby::float_to_s(f)));
            }
        }
        Ok(())
    }

    pub fn ceil(self) -> Result<Value, NumError> {
        self.domain_check()?;
        Ok(match self {
            Num::Int(i) => Value::Int(i),
            Num::Dec(d) => Value::Int(d.ceil_i() as i64),
            Num::Float(f) => Value::Int(f.ceil() as i64),
        })
    }

    pub fn floor(self) -> Result<Value, NumError> {
        self.domain_check()?;
        Ok(match self {
            Num::Int(i) => Value::Int(i),
            Num::Dec(d) => Value::Int(d.floor_i() as i64),
            Num::Float(f) => Value::Int(f.floor() as i64),
        })
    }

    /// `round(n)`: integers stay integers; decimals round half away from zero.
    pub fn round(self, n: Num) -> Result<Num, NumError> {
        let n = match n {
            Num::Int(i) => i,
            Num::Dec(d) => d.m.checked_div(pow10(d.scale).unwrap_or(1)).unwrap_or(0) as i64,
            Num::Float(f) => f as i64,
        };
        self.domain_check()?;
        Ok(match self {
            Num::Int(i) => {
                if n >= 0 {
                    Num::Int(i)
                } else {
                    let d = Dec::from_int(i);
                    let r = Dec { m: d.m, scale: 0 }.round(n);
                    Num::Int(r.m as i64)
                }
            }
            // BigDecimal#round returns an Integer when it keeps no decimals.
            Num::Dec(d) if n <= 0 => {
                let r = d.round(n);
                match i64::try_from(r.m / pow10(r.scale).unwrap_or(1)) {
                    Ok(i) => Num::Int(i),
                    Err(_) => Num::Float(r.to_f64()),
                }
            }
            Num::Dec(d) => Num::Dec(d.round(n)),
            Num::Float(f) => Num::Float(f),
        })
    }
}

/// `/\A-?\d+\.\d+\z/`
fn is_decimal_literal(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    match s.split_once('.') {
        Some((a, b)) => {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: f64) -> Num {
        Num::from_f64(v)
    }

    #[test]
    fn decimal_arithmetic_like_bigdecimal() {
        assert!(matches!(f(0.1).add(f(0.2)).to_value(), Value::Float(x) if x == 0.3));
        assert!(matches!(
            Num::Int(-7).div(Num::Int(2)).ok().unwrap().to_value(),
            Value::Int(-4)
        ));
        assert!(matches!(
            Num::Int(-7).modulo(Num::Int(3)).ok().unwrap().to_value(),
            Value::Int(2)
        ));
        assert!(matches!(
            f(2.5).round(Num::Int(0)).ok().unwrap().to_value(),
            Value::Int(3)
        ));
        assert!(matches!(
            f(-2.5).round(Num::Int(0)).ok().unwrap().to_value(),
            Value::Int(-3)
        ));
        assert!(
            matches!(f(1.005).round(Num::Int(2)).ok().unwrap().to_value(), Value::Float(x) if x == 1.01)
        );
    }
}
