// One executable for the crypto area; each feature keeps its own test class and file.
#include <QCoreApplication>

int runKeyTokenTests(int argc, char **argv);
int runKeyTokenParseTests(int argc, char **argv);
int runPrimitivesTests(int argc, char **argv);
int runPassphraseHasherTests(int argc, char **argv);
int runSigningKeyTests(int argc, char **argv);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failed = 0;
    failed += runKeyTokenTests(argc, argv);
    failed += runKeyTokenParseTests(argc, argv);
    failed += runPrimitivesTests(argc, argv);
    failed += runPassphraseHasherTests(argc, argv);
    failed += runSigningKeyTests(argc, argv);
    return failed == 0 ? 0 : 1;
}
