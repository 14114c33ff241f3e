-- AlterTable
ALTER TABLE "event" ADD COLUMN     "end_precision" "DatePrecision";
