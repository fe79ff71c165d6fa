//! `Name::len` and `Name::is_empty` as documented: the length of the written name without
//! writing it, and "always false: a name has at least the prefix and the CPU/RAM part".

use scs_flavor::{Flavor, Syntax};

#[test]
fn a_name_is_never_empty_and_knows_its_length() {
    // The shortest names the grammar allows (REFERENCE.md §1: prefix and CPU/RAM are required)
    // and the README's long one.
    for name in [
        "SCS-1L-1",
        "SCS-1V-0.5",
        "SCS-2V-4-20s",
        "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib",
    ] {
        let f: Flavor = name.parse().expect(name);
        for n in [f.v2(), f.v1(), f.short().v2(), f.short().v1()] {
            assert!(!n.is_empty(), "{name}");
            assert_eq!(n.len(), n.to_string().len(), "{name}");
        }
        // The canonical v2 form is the name itself here, and the v1 form has the same length
        // (REFERENCE.md §3: it only swaps separators).
        assert_eq!(f.v2().len(), name.len());
        assert_eq!(f.v1().len(), name.len());
        let mut buf = [0u8; scs_flavor::MAX_NAME_LEN];
        assert_eq!(
            f.write_to(Syntax::V1, &mut buf).map(str::len),
            Ok(name.len())
        );
    }
}
