//! Every variant of a closed set, listed once and checked: the lists the
//! rules iterate over and the UI builds its selects from.

/// Gives a fieldless enum `ALL`, its variants in the order written (the
/// display order), and fails to compile when a variant is missing: the
/// list is matched exhaustively. A duplicate is an unreachable pattern,
/// which the lint step refuses.
///
/// ```ignore
/// every_variant!(TaskStatus { Todo, Doing, Blocked, Done });
/// ```
macro_rules! every_variant {
    ($ty:ident { $($variant:ident),+ $(,)? }) => {
        impl $ty {
            /// Every variant, in display order.
            pub const ALL: [$ty; [$(stringify!($variant)),+].len()] = [$($ty::$variant),+];
        }

        const _: () = {
            #[allow(dead_code)]
            fn every_variant_is_listed(v: $ty) {
                match v {
                    $($ty::$variant => {}),+
                }
            }
        };
    };
}

pub(crate) use every_variant;
