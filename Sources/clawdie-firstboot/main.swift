import ClawdieFirstboot
import FirstbootEngine

exit(CommandLineTool.main(Array(CommandLine.arguments.dropFirst())))
