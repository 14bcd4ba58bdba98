import CLibXML2

/// What libxml2 needs before kiosque parses anything with it.
enum LibXMLSetup {
    /// Once per process: initialise the library (as its documentation asks
    /// before use from several threads) and refuse every external entity.
    private static let processWide: Void = kiosque_refuse_external_entities()

    /// Before each parse, on the parsing thread: libxml2's fallback error
    /// handlers are per thread and would print to stderr; kiosque reports
    /// errors itself and never lets libxml2 print.
    static func prepareThisThread() {
        _ = processWide
        kiosque_silence_libxml2()
    }
}
