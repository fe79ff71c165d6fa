//! The spec iterator is an `ExactSizeIterator`: its length is the number of keys REFERENCE.md
//! §5 lists — `cpus`, `scs:cpu-type`, `ram`; with a disk component `disk` and one
//! `scs:diskN-type` per disk; then the distinct name variants (2 when the short name is the
//! canonical one, else 4).

use scs_flavor::Flavor;

/// (name, disks, name variants), counted from the rules of §5.
const CASES: &[(&str, u32, usize)] = &[
    ("SCS-2V-4", 0, 2),
    ("SCS-2V-4-20s", 1, 2),
    ("SCS-2V-4-", 1, 2),
    ("SCS-2V-4-3x10s", 3, 2),
    ("SCS-2V-4-64x10", 64, 2),
    ("SCS-2V-4_kvm", 0, 4),
    ("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib", 3, 4),
    ("SCS-2V-4-20s_a", 1, 2), // ARM keeps its bare letter: the short name is the same
];

#[test]
fn the_spec_knows_how_many_keys_are_left() {
    for &(name, disks, variants) in CASES {
        let f: Flavor = name.parse().expect(name);
        let disk_keys = if f.disk.is_some() {
            1 + disks as usize
        } else {
            0
        };
        let expected = 3 + disk_keys + variants;
        let mut spec = f.spec().expect(name);
        for left in (0..=expected).rev() {
            assert_eq!(spec.len(), left, "{name}");
            assert_eq!(spec.size_hint(), (left, Some(left)), "{name}");
            assert_eq!(spec.next().is_some(), left > 0, "{name}");
        }
        assert_eq!(f.spec().expect(name).count(), expected, "{name}");
    }
}
