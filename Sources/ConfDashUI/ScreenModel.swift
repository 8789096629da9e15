// The dashboard draws into the screen model's grid and reads its keys: whoever imports the
// dashboard gets those types too, as they appear in its API (Size, Key, CellGrid).
@_exported import ConfDashScreen
