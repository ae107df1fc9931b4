//! An action's name, both ways, from its serde attributes alone: what
//! `Serialize` writes for it, what `Deserialize` reads back, and the list
//! serde's own derive keeps. No second list of names exists to fall out of step.

use std::fmt;

use serde::de::IntoDeserializer;
use serde::de::value::StrDeserializer;
use serde::ser::{self, Impossible, Serialize};
use serde::{Deserialize, de};

use super::Action;

impl Action {
    /// The action's name (its serde name: `move_down`, `force_quit`), or
    /// `None` for an action no key can be bound to.
    pub fn name(self) -> Option<&'static str> {
        self.serialize(VariantName).ok()
    }

    /// The action called `name`, if one is.
    pub fn from_name(name: &str) -> Option<Action> {
        let name: StrDeserializer<'_, Refused> = name.into_deserializer();
        Action::deserialize(name).ok()
    }

    /// Every name, in the order the actions are declared.
    pub fn names() -> &'static [&'static str] {
        // serde's derive hands its list of names to `unknown_variant` when
        // asked for a name it does not know; the empty name is one.
        let nothing: StrDeserializer<'_, Refused> = "".into_deserializer();
        match Action::deserialize(nothing) {
            Err(Refused(names)) => names,
            Ok(_) => &[],
        }
    }

    /// Every action a key can be bound to, in the order of [`Action::names`].
    pub fn named() -> impl Iterator<Item = Action> {
        Action::names()
            .iter()
            .filter_map(|name| Action::from_name(name))
    }
}

/// Why a name is not an action; carries serde's list of names when it has it.
#[derive(Debug)]
struct Refused(&'static [&'static str]);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an action's name")
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Refused(&[])
    }
    fn unknown_variant(_: &str, expected: &'static [&'static str]) -> Self {
        Refused(expected)
    }
}

impl ser::Error for Refused {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Refused(&[])
    }
}

/// A serializer that takes nothing but a unit variant, and answers with its name.
struct VariantName;

/// The methods for every other kind of value: each refuses.
macro_rules! refuse {
    ($($method:ident($($ty:ty),*) -> $ok:ty;)*) => {
        $(fn $method(self, $(_: $ty),*) -> Result<$ok, Refused> {
            Err(Refused(&[]))
        })*
    };
}

impl ser::Serializer for VariantName {
    type Ok = &'static str;
    type Error = Refused;
    type SerializeSeq = Impossible<&'static str, Refused>;
    type SerializeTuple = Impossible<&'static str, Refused>;
    type SerializeTupleStruct = Impossible<&'static str, Refused>;
    type SerializeTupleVariant = Impossible<&'static str, Refused>;
    type SerializeMap = Impossible<&'static str, Refused>;
    type SerializeStruct = Impossible<&'static str, Refused>;
    type SerializeStructVariant = Impossible<&'static str, Refused>;

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<&'static str, Refused> {
        Ok(variant)
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<&'static str, Refused> {
        Err(Refused(&[]))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, Refused> {
        Err(Refused(&[]))
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<&'static str, Refused> {
        Err(Refused(&[]))
    }

    refuse! {
        serialize_bool(bool) -> &'static str;
        serialize_i8(i8) -> &'static str;
        serialize_i16(i16) -> &'static str;
        serialize_i32(i32) -> &'static str;
        serialize_i64(i64) -> &'static str;
        serialize_u8(u8) -> &'static str;
        serialize_u16(u16) -> &'static str;
        serialize_u32(u32) -> &'static str;
        serialize_u64(u64) -> &'static str;
        serialize_f32(f32) -> &'static str;
        serialize_f64(f64) -> &'static str;
        serialize_char(char) -> &'static str;
        serialize_str(&str) -> &'static str;
        serialize_bytes(&[u8]) -> &'static str;
        serialize_none() -> &'static str;
        serialize_unit() -> &'static str;
        serialize_unit_struct(&'static str) -> &'static str;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_go_both_ways_and_only_bindable_actions_have_one() {
        assert_eq!(Action::MoveDown.name(), Some("move_down"));
        assert_eq!(Action::ToggleBackground.name(), Some("background"));
        assert_eq!(Action::ForceQuit.name(), Some("force_quit"));
        assert_eq!(Action::JumpToFocusArea(3).name(), None);
        assert_eq!(Action::SearchConfirm.name(), None);
        assert_eq!(Action::Tick { seconds: 1 }.name(), None);
        assert_eq!(Action::from_name("notes_up"), Some(Action::ScrollNotesUp));
        assert_eq!(Action::from_name("scroll_notes_up"), None);
        assert_eq!(Action::from_name("search_confirm"), None);
        assert_eq!(Action::from_name(""), None);
        // Every name is an action whose name it is, each once.
        let names = Action::names();
        assert_eq!(names.first(), Some(&"move_down"));
        let named: Vec<Action> = Action::named().collect();
        assert_eq!(named.len(), names.len());
        for (action, name) in named.iter().zip(names) {
            assert_eq!(action.name(), Some(*name));
        }
    }
}
