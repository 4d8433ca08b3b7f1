// One executable for the core area; each feature keeps its own test class and file.
#include <QCoreApplication>

int runKeyPermissionsTests(int argc, char **argv);
int runCreateAndEditRulesTests(int argc, char **argv);
int runValidationTests(int argc, char **argv);
int runKeyStatusTests(int argc, char **argv);
int runParsersTests(int argc, char **argv);
int runIpAllowlistTests(int argc, char **argv);
int runExpiryCalendarTests(int argc, char **argv);
int runHygieneReportTests(int argc, char **argv);
int runExpiryAlertsTests(int argc, char **argv);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int failed = 0;
    failed += runKeyPermissionsTests(argc, argv);
    failed += runCreateAndEditRulesTests(argc, argv);
    failed += runValidationTests(argc, argv);
    failed += runKeyStatusTests(argc, argv);
    failed += runParsersTests(argc, argv);
    failed += runIpAllowlistTests(argc, argv);
    failed += runExpiryCalendarTests(argc, argv);
    failed += runHygieneReportTests(argc, argv);
    failed += runExpiryAlertsTests(argc, argv);
    return failed == 0 ? 0 : 1;
}
