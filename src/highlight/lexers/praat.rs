//! Praat scripts: commands (capitalised words up to `:` or `...`), procedures, functions with
//! `$`/`#` suffixes, object references, forms, string interpolation.

use crate::highlight::engine::*;
use crate::highlight::token::*;

// Word lists in Rouge's order.
const PRAAT_KEYWORDS: &str =
    "if then else elsif elif endif fi for from to endfor endproc while endwhile repeat \
    until select plus minus demo assert stopwatch nocheck nowarn noprogress editor \
    endeditor clearinfo";
const PRAAT_FUNCTIONS_STRING: &str =
    "backslashTrigraphsToUnicode chooseDirectory chooseReadFile chooseWriteFile date \
    demoKey do environment extractLine extractWord fixed info left mid percent readFile \
    replace replace_regex right selected string unicodeToBackslashTrigraphs";
const PRAAT_FUNCTIONS_NUMERIC: &str =
    "abs appendFile appendFileLine appendInfo appendInfoLine arccos arccosh arcsin \
    arcsinh arctan arctan2 arctanh barkToHertz beginPause beginSendPraat besselI besselK \
    beta beta2 binomialP binomialQ boolean ceiling chiSquareP chiSquareQ choice comment \
    cos cosh createDirectory deleteFile demoClicked demoClickedIn demoCommandKeyPressed \
    demoExtraControlKeyPressed demoInput demoKeyPressed demoOptionKeyPressed \
    demoShiftKeyPressed demoShow demoWaitForInput demoWindowTitle demoX demoY \
    differenceLimensToPhon do editor endPause endSendPraat endsWith erb erbToHertz erf \
    erfc exitScript exp extractNumber fileReadable fisherP fisherQ floor gaussP gaussQ \
    hash hertzToBark hertzToErb hertzToMel hertzToSemitones imax imin incompleteBeta \
    incompleteGammaP index index_regex integer invBinomialP invBinomialQ invChiSquareQ \
    invFisherQ invGaussQ invSigmoid invStudentQ length ln lnBeta lnGamma log10 log2 max \
    melToHertz min minusObject natural number numberOfColumns numberOfRows \
    numberOfSelected objectsAreIdentical option optionMenu pauseScript \
    phonToDifferenceLimens plusObject positive randomBinomial randomGauss randomInteger \
    randomPoisson randomUniform real readFile removeObject rindex rindex_regex round \
    runScript runSystem runSystem_nocheck selectObject selected semitonesToHertz \
    sentence sentencetext sigmoid sin sinc sincpi sinh soundPressureToPhon sqrt \
    startsWith studentP studentQ tan tanh text variableExists word writeFile \
    writeFileLine writeInfo writeInfoLine";
const PRAAT_FUNCTIONS_ARRAY: &str = "linear randomGauss randomInteger randomUniform zero";
const PRAAT_OBJECTS: &str =
    "Activation AffineTransform AmplitudeTier Art Artword Autosegment BarkFilter \
    BarkSpectrogram CCA Categories Cepstrogram Cepstrum Cepstrumc ChebyshevSeries \
    ClassificationTable Cochleagram Collection ComplexSpectrogram Configuration \
    Confusion ContingencyTable Corpus Correlation Covariance CrossCorrelationTable \
    CrossCorrelationTableList CrossCorrelationTables DTW DataModeler Diagonalizer \
    Discriminant Dissimilarity Distance Distributions DurationTier EEG ERP ERPTier \
    EditCostsTable EditDistanceTable Eigen Excitation Excitations ExperimentMFC FFNet \
    FeatureWeights FileInMemory FilesInMemory Formant FormantFilter FormantGrid \
    FormantModeler FormantPoint FormantTier GaussianMixture HMM HMM_Observation \
    HMM_ObservationSequence HMM_State HMM_StateSequence HMMObservation \
    HMMObservationSequence HMMState HMMStateSequence Harmonicity ISpline Index Intensity \
    IntensityTier IntervalTier KNN KlattGrid KlattTable LFCC LPC Label LegendreSeries \
    LinearRegression LogisticRegression LongSound Ltas MFCC MSpline ManPages \
    Manipulation Matrix MelFilter MelSpectrogram MixingMatrix Movie Network OTGrammar \
    OTHistory OTMulti PCA PairDistribution ParamCurve Pattern Permutation Photo Pitch \
    PitchModeler PitchTier PointProcess Polygon Polynomial PowerCepstrogram \
    PowerCepstrum Procrustes RealPoint RealTier ResultsMFC Roots SPINET SSCP SVD \
    Salience ScalarProduct Similarity SimpleString SortedSetOfString Sound Speaker \
    Spectrogram Spectrum SpectrumTier SpeechSynthesizer SpellingChecker Strings \
    StringsIndex Table TableOfReal TextGrid TextInterval TextPoint TextTier Tier \
    Transition VocalTract VocalTractTier Weight WordList";
const PRAAT_VARIABLES_NUMERIC: &str =
    "all average e left macintosh mono pi praatVersion right stereo undefined unix \
    windows";
const PRAAT_VARIABLES_STRING: &str =
    "praatVersion tab shellDirectory homeDirectory preferencesDirectory newline \
    temporaryDirectory defaultDirectory";
const PRAAT_OBJECT_ATTRIBUTES: &str = "ncol nrow xmin ymin xmax ymax nx ny dx dy";

fn words(list: &str) -> String {
    list.split_whitespace().collect::<Vec<_>>().join("|")
}

pub fn def() -> LexerDef {
    let interpolated = || {
        rule(
            r#"'[\._a-z][^\[\]'":]*(\[([\d,]+|"[\w,]+")\])?(:[0-9]+)?'"#,
            STR_INTERPOL,
        )
    };
    LexerDef::new(vec![
        (
            "root",
            vec![
                groups(r"(\s+)(#.*?$)", &[TEXT, COMMENT_SINGLE]),
                rule(r"^#.*?$", COMMENT_SINGLE),
                rule(r";[^\n]*", COMMENT_SINGLE),
                rule(r"\s+", TEXT),
                groups(r"(\bprocedure)(\s+)", &[KEYWORD, TEXT]).push("procedure_definition"),
                groups(r"(\bcall)(\s+)", &[KEYWORD, TEXT]).push("procedure_call"),
                rule(r"@", NAME_FUNCTION).push("procedure_call"),
                include("function_call"),
                rule(r"\b(?:select all)\b", KEYWORD),
                rule(format!(r"\b(?:{})\b", words(PRAAT_KEYWORDS)), KEYWORD),
                groups(r"(\bform\b)(\s+)([^\n]+)", &[KEYWORD, TEXT, STR]).push("old_form"),
                groups(
                    r"(print(?:line|tab)?|echo|exit|asserterror|pause|send(?:praat|socket)|include|execute|system(?:_nocheck)?)(\s+)",
                    &[KEYWORD, TEXT],
                )
                .push("string_unquoted"),
                groups(r"(goto|label)(\s+)(\w+)", &[KEYWORD, TEXT, NAME_LABEL]),
                include("variable_name"),
                include("number"),
                rule("\"", STR).push("string"),
                rule(format!(r"\b(?:{})(?=\s+\S+\n)", words(PRAAT_OBJECTS)), NAME_CLASS)
                    .push("string_unquoted"),
                rule(r"\b(?=[A-Z])", TEXT).push("command"),
                rule(r"(\.{3}|[)(,\$])", PUNCTUATION),
            ],
        ),
        (
            "command",
            vec![
                rule(r"( ?([^\s:\.'])+ ?)", KEYWORD),
                include("string_interpolated"),
                rule(r"\.{3}", KEYWORD).goto("old_arguments"),
                rule(r":", KEYWORD).goto("comma_list"),
                rule(r"[\s]", TEXT).pop(),
            ],
        ),
        (
            "procedure_call",
            vec![
                include("string_interpolated"),
                rule(r"(:|\s*\()", PUNCTUATION).pop(),
                rule(r"'", NAME_FUNCTION),
                rule(r"[^:\('\s]+", NAME_FUNCTION),
                jump(r"(?=\s+)").goto("old_arguments"),
            ],
        ),
        (
            "procedure_definition",
            vec![
                rule(r"(:|\s*\()", PUNCTUATION).pop(),
                rule(r"[^:\(\s]+", NAME_FUNCTION),
                rule(r"(\s+)", TEXT).pop(),
            ],
        ),
        (
            "function_call",
            vec![
                rule(
                    format!(r"\b({})\$(?=\s*[:(])", words(PRAAT_FUNCTIONS_STRING)),
                    NAME_FUNCTION,
                )
                .push("function"),
                rule(
                    format!(r"\b({})#(?=\s*[:(])", words(PRAAT_FUNCTIONS_ARRAY)),
                    NAME_FUNCTION,
                )
                .push("function"),
                rule(
                    format!(r"\b({})(?=\s*[:(])", words(PRAAT_FUNCTIONS_NUMERIC)),
                    NAME_FUNCTION,
                )
                .push("function"),
            ],
        ),
        (
            "function",
            vec![rule(r"\s+", TEXT), rule(r"(?::|\s*\()", TEXT).goto("comma_list")],
        ),
        (
            "comma_list",
            vec![
                groups(r"(\s*\n\s*)(\.{3})", &[TEXT, PUNCTUATION]),
                rule(r"\s*[\])\n]", TEXT).pop(),
                rule(r"\s+", TEXT),
                rule("\"", STR).push("string"),
                rule(r"\b(if|then|else|fi|endif)\b", KEYWORD),
                include("function_call"),
                include("variable_name"),
                include("operator"),
                include("number"),
                rule(r"[()]", TEXT),
                rule(r",", PUNCTUATION),
            ],
        ),
        (
            "old_arguments",
            vec![
                rule(r"\n", TEXT).pop(),
                include("variable_name"),
                include("operator"),
                include("number"),
                rule("\"", STR).push("string"),
                rule(r"[^\n]", TEXT),
            ],
        ),
        (
            "number",
            vec![
                rule(r"\n", TEXT).pop(),
                rule(r"\b\d+(\.\d*)?([eE][-+]?\d+)?%?", NUM),
            ],
        ),
        (
            "variable_name",
            vec![
                include("operator"),
                include("number"),
                rule(format!(r"\b(?:{})\$", words(PRAAT_VARIABLES_STRING)), NAME_BUILTIN),
                rule(
                    format!(r"\b(?:{})(?!\$)\b", words(PRAAT_VARIABLES_NUMERIC)),
                    NAME_BUILTIN,
                ),
                rule(format!(r"\b(Object|{})_", words(PRAAT_OBJECTS)), NAME_BUILTIN)
                    .push("object_reference"),
                rule(r"\.?[a-z][a-zA-Z0-9_.]*(\$|#)?", TEXT),
                rule(r"[\[\]]", TEXT).push("comma_list"),
                include("string_interpolated"),
            ],
        ),
        (
            "object_reference",
            vec![
                include("string_interpolated"),
                rule(r"([a-z][a-zA-Z0-9_]*|\d+)", NAME_BUILTIN),
                rule(format!(r"\.({})\b", words(PRAAT_OBJECT_ATTRIBUTES)), NAME_BUILTIN).pop(),
                rule(r"\$", NAME_BUILTIN),
                rule(r"\[", TEXT).pop(),
            ],
        ),
        (
            "operator",
            vec![
                rule(r"([+\/*<>=!-]=?|[&*|][&*|]?|\^|<>)", OPERATOR),
                rule(r"(?<![\w.])(and|or|not|div|mod)(?![\w.])", OPERATOR_WORD),
            ],
        ),
        ("string_interpolated", vec![interpolated()]),
        (
            "string_unquoted",
            vec![
                rule(r"\n\s*\.{3}", PUNCTUATION),
                rule(r"\n", TEXT).pop(),
                rule(r"\s", TEXT),
                include("string_interpolated"),
                rule(r"'", STR),
                rule(r"[^'\n]+", STR),
            ],
        ),
        (
            "string",
            vec![
                rule(r"\n\s*\.{3}", PUNCTUATION),
                rule("\"", STR).pop(),
                include("string_interpolated"),
                rule(r"'", STR),
                rule(r#"[^'"\n]+"#, STR),
            ],
        ),
        (
            "old_form",
            vec![
                groups(r"(\s+)(#.*?$)", &[TEXT, COMMENT_SINGLE]),
                rule(r"\s+", TEXT),
                groups(r"(optionmenu|choice)([ \t]+\S+:[ \t]+)", &[KEYWORD, TEXT]).push("number"),
                groups(r"(option|button)([ \t]+)", &[KEYWORD, TEXT]).push("string_unquoted"),
                groups(r"(sentence|text)([ \t]+\S+)", &[KEYWORD, TEXT]).push("string_unquoted"),
                groups(
                    r"(word)([ \t]+\S+[ \t]*)(\S+)?([ \t]+.*)?",
                    &[KEYWORD, TEXT, STR, TEXT],
                ),
                groups(
                    r#"(boolean)(\s+\S+\s*)(0|1|"?(?:yes|no)"?)"#,
                    &[KEYWORD, TEXT, NAME_VARIABLE],
                ),
                groups(
                    r"(real|natural|positive|integer)([ \t]+\S+[ \t]*)([+-]?)",
                    &[KEYWORD, TEXT, OPERATOR],
                )
                .push("number"),
                groups(r"(comment)(\s+)", &[KEYWORD, TEXT]).push("string_unquoted"),
                rule(r"\bendform\b", KEYWORD).pop(),
            ],
        ),
    ])
}
