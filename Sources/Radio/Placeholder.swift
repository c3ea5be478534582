public enum RadioPlaceholder {}
