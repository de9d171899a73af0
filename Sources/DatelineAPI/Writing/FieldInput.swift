/// One field of a write body, as RFC 7396 distinguishes it: left out, set to `null`, or given a value.
enum FieldInput<Value> {
    case absent
    case null
    case value(Value)
}
