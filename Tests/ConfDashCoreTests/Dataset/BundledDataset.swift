import ConfDashBundledData
import ConfDashCore
import Testing

/// The bundled dataset, loaded once for every test that reads it.
enum Bundled {
    static let result = DatasetLoader.load(json: BundledData.datasetJSON, name: BundledData.datasetName)
    static let dataset: Dataset = {
        guard let dataset = result.dataset else { fatalError("bundled dataset does not load: \(result.problems)") }
        return dataset
    }()
    static let index = DatasetIndex(dataset)

    static func event(_ id: String) throws -> Event { try #require(index.eventsByID[id]) }
    static func session(_ id: String) throws -> Session {
        try #require(dataset.events.flatMap(\.sessions).first { $0.id == id })
    }
    static func figure(_ measure: Figure.Measure, of event: Event) throws -> Figure {
        try #require(event.figures.first { $0.measure == measure })
    }
}
