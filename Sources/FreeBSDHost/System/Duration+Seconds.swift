/// Plain numbers for `Command.timeout`, `CommandResult.duration` and poll(2)'s timeout.
extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    var milliseconds: Double { seconds * 1000 }
}
