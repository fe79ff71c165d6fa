//! `RamSize`'s constructors, as documented: whole GiB up to 2147483647 (the bound of
//! deviation D1 in REFERENCE.md: RAM up to 2147483647.5 GiB, i.e. 2^32 − 1 half GiB).

use core::num::NonZeroU32;

use scs_flavor::RamSize;

fn half(n: u32) -> RamSize {
    RamSize::from_half_gib(NonZeroU32::new(n).expect("positive"))
}

#[test]
fn from_gib_takes_whole_gib_from_1_to_2147483647() {
    // "Whole GiB; `None` for 0 or above 2147483647."
    assert_eq!(RamSize::from_gib(0), None);
    assert_eq!(RamSize::from_gib(1), Some(half(2)));
    assert_eq!(RamSize::from_gib(4), Some(half(8)));
    assert_eq!(RamSize::from_gib(4).map(RamSize::gib), Some(4.0));
    assert_eq!(RamSize::from_gib(64).map(RamSize::mib), Some(64 * 1024));
    let top = RamSize::from_gib(2_147_483_647).expect("2147483647 GiB is in range");
    assert_eq!(top.gib(), 2_147_483_647.0);
    assert_eq!(top.half_gib(), u32::MAX - 1);
    assert!(top < RamSize::MAX, "MAX is 2147483647.5 GiB");
    assert_eq!(RamSize::from_gib(2_147_483_648), None);
    assert_eq!(RamSize::from_gib(u32::MAX), None);
}

#[test]
fn from_gib_agrees_with_the_float_constructor_and_with_parsing() {
    for gib in [1u32, 2, 3, 10, 255, 1024, 65_536, 2_147_483_647] {
        let whole = RamSize::from_gib(gib);
        assert_eq!(whole, RamSize::from_gib_f64(f64::from(gib)), "{gib}");
        let name = format!("SCS-2V-{gib}");
        let parsed: scs_flavor::Flavor = name.parse().expect(&name);
        assert_eq!(whole, Some(parsed.ram.size), "{name}");
    }
}
