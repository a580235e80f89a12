import FirstbootEngine

/// Every step of the platform, in declaration order (the scheduler's tie-break).
enum PlatformSteps {
    static func all(_ settings: Settings) -> [any Step] {
        [
            DetectExternalInterface(settings: settings),
            CreateBridge(settings: settings),
            WritePFConf(settings: settings),
            InstallPFReload(settings: settings),
            EnablePF(settings: settings),
            InstallTailscale(settings: settings),
            EnableTailscaled(settings: settings),
            TailscaleUp(settings: settings),
            WaitTailnet(settings: settings),
            LockdownPF(settings: settings),
            EnableForwarding(settings: settings),
            CreateJailLoopback(settings: settings),
            ExtraBridges(settings: settings),
            JailTable(settings: settings),
            BastilleNetwork(settings: settings),
            SubnetPF(settings: settings),
            AdvertiseRoutes(settings: settings),
        ]
    }
}
