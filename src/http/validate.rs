//! Input checks shared by handlers: every string is length-checked, with the field named.

use crate::error::AppError;

/// `value` trimmed, refused unless `min..=max` characters long.
pub fn text<'a>(field: &str, value: &'a str, min: usize, max: usize) -> Result<&'a str, AppError> {
    let trimmed = value.trim();
    let len = trimmed.chars().count();
    if (min..=max).contains(&len) {
        Ok(trimmed)
    } else {
        Err(AppError::invalid(field, format!("{field} must be {min} to {max} characters long.")))
    }
}

/// The PIN's form (six digits), as a 400 naming the field.
pub fn pin(field: &str, value: &str) -> Result<(), AppError> {
    crate::security::pin::validate(value).map_err(|e| AppError::invalid(field, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_are_checked_on_trimmed_characters() {
        assert_eq!(text("name", "  Kim ", 1, 3).unwrap(), "Kim");
        assert!(text("name", "   ", 1, 3).is_err());
        assert!(text("name", "ñañaña", 1, 5).is_err());
        assert_eq!(text("name", "ñañ", 1, 3).unwrap(), "ñañ");
    }
}
