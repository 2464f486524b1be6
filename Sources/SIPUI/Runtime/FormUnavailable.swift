/// A form that has nothing to work on (no goal to assess, no family member yet): the user is told
/// why, in their language, and no form opens.
struct FormUnavailable: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
