/// Constants used by the propagation models.
public enum PropagationConstants {
    /// Speed of light in vacuum, m/s (exact, SI).
    public static let speedOfLight = 299_792_458.0
    /// The speed of light that 3GPP TR 38.901 uses in its breakpoint distances (§7.4.1, note 1).
    public static let speedOfLight3GPP = 3.0e8
    /// Boltzmann constant, J/K (exact, SI 2019).
    public static let boltzmann = 1.380649e-23
    /// Reference noise temperature, K (ITU-R P.372).
    public static let referenceTemperature = 290.0
}
