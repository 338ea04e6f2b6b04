//! The club's inventory contract (reference §1): 55 rooms 200–262 without the odd numbers
//! 247–261, their tiers, and lockers 001–108. Used by the demo seed and by tests; and the
//! numeric order of unit numbers.

use super::enums::RoomType;

const MISSING_ROOMS: [u32; 8] = [247, 249, 251, 253, 255, 257, 259, 261];
const DOUBLE_ROOMS: [u32; 5] = [216, 218, 225, 252, 262];
const SPECIAL_ROOMS: [u32; 3] = [201, 232, 256];

/// The sort key that puts unit numbers in numeric order ("9" before "10", "007" before
/// "012"): shorter first, then by text.
pub fn number_order(number: &str) -> (usize, &str) {
    (number.len(), number)
}

/// Number of lockers in the demo club.
pub const LOCKER_COUNT: u32 = 108;

/// The demo club's rooms as `(number, tier)`, lowest number first.
pub fn demo_rooms() -> Vec<(String, RoomType)> {
    (200..=262).filter(|n| !MISSING_ROOMS.contains(n)).map(|n| (n.to_string(), demo_room_tier(n))).collect()
}

fn demo_room_tier(number: u32) -> RoomType {
    if DOUBLE_ROOMS.contains(&number) {
        RoomType::Double
    } else if SPECIAL_ROOMS.contains(&number) {
        RoomType::Special
    } else {
        RoomType::Standard
    }
}

/// The demo club's locker numbers, `001` to `108`.
pub fn demo_lockers() -> Vec<String> {
    (1..=LOCKER_COUNT).map(|n| format!("{n:03}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inventory_matches_the_reference_counts() {
        let rooms = demo_rooms();
        assert_eq!(rooms.len(), 55);
        let count = |t| rooms.iter().filter(|(_, tier)| *tier == t).count();
        assert_eq!((count(RoomType::Standard), count(RoomType::Double), count(RoomType::Special)), (47, 5, 3));
        assert!(!rooms.iter().any(|(n, _)| n == "247"));
        let lockers = demo_lockers();
        assert_eq!((lockers.len(), lockers[0].as_str(), lockers[107].as_str()), (108, "001", "108"));
    }
}
