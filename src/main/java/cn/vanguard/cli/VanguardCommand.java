package cn.vanguard.cli;

import picocli.CommandLine.Command;

/** The top command; its subcommands are the product's command-line tools. */
@Command(name = "vanguard", mixinStandardHelpOptions = true, version = "Vanguard 先锋积分 0.1.0",
        description = "Vanguard 先锋积分: points-based management of party members (党员积分制管理).",
        subcommands = {ScoreCommand.class, PresetsCommand.class, ImportLedgerCommand.class, RebuildStandingsCommand.class, VerifyLedgerCommand.class, picocli.CommandLine.HelpCommand.class})
final class VanguardCommand {
}
